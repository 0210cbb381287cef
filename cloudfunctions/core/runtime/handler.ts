import type { z } from 'zod';
import { eventSchema, type ActionContract, type ErrorCode, type Result } from '@zhibu/types';
import { AppError, unauthenticated } from './app-error';
import { getCaller } from './caller';
import { isTransactionConflict } from './transaction';
import { loadSession, type Session } from '../member/session';

/**
 * Who may call an action at all. `openid`: any WeChat user, bound or not (binding itself needs
 * this). `member`: a WeChat user bound to an active member; finer role and branch rules are the
 * services' business. `anyone`: also a caller the platform cannot identify (a teacher's one-time
 * appraisal code in the H5 app without a login); such an action must carry its own proof.
 */
export type Access = 'openid' | 'member' | 'anyone';

export interface OpenidContext {
  openid: string;
}
export interface MemberContext extends OpenidContext {
  session: Session;
}
export interface AnyoneContext {
  openid: string | null;
}

type Input<C extends ActionContract> = z.output<C['input']>;
type Output<C extends ActionContract> = z.input<C['output']>;

export type ActionHandler<C extends ActionContract> =
  | { access: 'openid'; run: (input: Input<C>, ctx: OpenidContext) => Promise<Output<C>> }
  | { access: 'member'; run: (input: Input<C>, ctx: MemberContext) => Promise<Output<C>> }
  | { access: 'anyone'; run: (input: Input<C>, ctx: AnyoneContext) => Promise<Output<C>> };

export type Handlers<M extends Record<string, ActionContract>> = { [K in keyof M]: ActionHandler<M[K]> };

const INTERNAL_MESSAGE = '服务暂时不可用，请稍后重试';

function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, code, message };
}

/**
 * Builds a cloud function's `main` from its contract and handlers. The order of checks is fixed:
 * the event's shape, the action's existence, the caller's identity, then the action's data — so an
 * anonymous caller learns nothing about what valid data looks like.
 */
export function createFunction<M extends Record<string, ActionContract>>(
  name: string,
  contracts: M,
  handlers: Handlers<M>,
): (event: unknown) => Promise<Result<unknown>> {
  return async function main(event: unknown): Promise<Result<unknown>> {
    try {
      const envelope = eventSchema.safeParse(event);
      if (!envelope.success) return fail('INVALID_ARGUMENT', '请求格式有误');
      const { action, data } = envelope.data;
      if (!Object.prototype.hasOwnProperty.call(contracts, action)) {
        return fail('INVALID_ARGUMENT', `不支持的操作：${action.slice(0, 32)}`);
      }
      const contract = contracts[action] as ActionContract;
      const handler = handlers[action] as ActionHandler<ActionContract>;

      const { openid } = getCaller();
      if (!openid && handler.access !== 'anyone') throw unauthenticated('无法识别微信身份，请重新进入小程序');
      const session = handler.access === 'member' && openid ? await loadSession(openid) : null;

      const input = contract.input.safeParse(data);
      if (!input.success) return fail('INVALID_ARGUMENT', describeIssue(input.error));

      const output =
        handler.access === 'member'
          ? await handler.run(input.data, { openid: openid as string, session: session as Session })
          : handler.access === 'openid'
            ? await handler.run(input.data, { openid: openid as string })
            : await handler.run(input.data, { openid });
      // The output schema is the contract the client is typed by; an answer that breaks it is our bug.
      const checked = contract.output.safeParse(output);
      if (!checked.success) {
        console.error(`[${name}.${action}] output breaks its contract`, checked.error.issues.slice(0, 3));
        return fail('INTERNAL', INTERNAL_MESSAGE);
      }
      return { ok: true, data: checked.data };
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      if (isTransactionConflict(error)) return fail('CONFLICT', '操作冲突，请稍后重试');
      console.error(`[${name}] unexpected error`, error);
      return fail('INTERNAL', INTERNAL_MESSAGE);
    }
  };
}

/** The first problem, in words a member can act on; field paths are kept because forms show them. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '提交的内容有误';
  const field = issue.path.length > 0 ? `（${issue.path.join('.')}）` : '';
  return `提交的内容有误${field}：${issue.message}`;
}
