export { BankList } from './BankList';
export { ImportSheet } from './ImportSheet';
export { ManagedList } from './ManagedList';
export { QuestionList } from './QuestionList';
export { QuizForm } from './QuizForm';
export { StatsView } from './StatsView';
