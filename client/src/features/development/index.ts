// What the main package uses (首页's reminder card, 我的's link, the addresses). The pages themselves
// are in the packages/development subpackage.
export { developmentApi } from './api';
export { HomeDevelopmentCard } from './HomeDevelopmentCard';
export { HomeSponsorCard } from './HomeSponsorCard';
export { dueText, IN_PIPELINE, STAGE_TABS } from './format';
export { developmentPages, openDevelopmentPage } from './routes';
