// What the main package uses (首页's card, the links). The pages are in the packages/transfer subpackage.
export { HomeTransferCard } from './HomeTransferCard';
export { transferPages } from './routes';
