import { View } from '@tarojs/components';
import type { LoginResult } from '@zhibu/types';
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/ui';
import { useSession } from './useSession';

/**
 * Renders a page for the signed-in member once the session is known; until then a loading or
 * error state. UNAUTHENTICATED keeps the spinner: the member is on the way to sign in.
 */
export function SessionGate({ children }: { children: (member: LoginResult) => ReactNode }) {
  const { session, refresh } = useSession();
  if (session.status === 'ready') return <View className="page">{children(session.member)}</View>;
  return (
    <View className="page">
      {session.status === 'error' && session.code !== 'UNAUTHENTICATED' ? (
        <ErrorState message={session.message} code={session.code} onRetry={() => void refresh()} />
      ) : (
        <LoadingState />
      )}
    </View>
  );
}
