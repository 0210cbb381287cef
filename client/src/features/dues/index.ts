// What the main package uses (我的's links, the addresses). The pages are in packages/dues, which
// import the api and formatting from their own files so none of it reaches the main package.
export { duesPages, openDuesPage } from './routes';
