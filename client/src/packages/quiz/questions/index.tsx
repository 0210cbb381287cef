import { useRouter } from '@tarojs/taro';
import { ManagerGate } from '@/features/org';
import { QuestionList } from '@/features/quiz/manage';

export default function QuestionsPage() {
  const { params } = useRouter();
  return (
    <ManagerGate>
      {() => <QuestionList bankId={params.bankId ?? ''} name={decodeURIComponent(params.name ?? '')} />}
    </ManagerGate>
  );
}
