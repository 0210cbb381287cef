export { quizApi, quizPages } from './api';
export { HomeQuizCard } from './HomeQuizCard';
export { QuizListView } from './QuizListView';
export { ResultView } from './ResultView';
export { TakeQuiz } from './TakeQuiz';
export { WrongBookView } from './WrongBookView';
export { formatLeft, phoneDeadline } from './countdown';
