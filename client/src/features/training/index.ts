// What the main package uses (我的's links and the addresses). The pages are in packages/training.
export { trainingPages, openTrainingPage } from './routes';
