// What the main package uses (首页's card, 我的's links, the addresses). The pages themselves are in
// the packages/review subpackage.
export { HomeReviewCard } from './HomeReviewCard';
export { openReviewPage, reviewPages } from './routes';
