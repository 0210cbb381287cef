import { requestJson } from './http';
import { FAILURE_MESSAGES, fail, toFailure, toResult } from './result';
import type { Transport } from './transport';

/** H5 transport: the local server runs the same functions behind `POST /api/fn/<name>`. */
export const httpTransport: Transport = async (name, event) => {
  const answer = await requestJson('POST', `/api/fn/${encodeURIComponent(name)}`, event);
  if (!answer.ok) return answer;
  // A function always answers 200; other statuses (unknown function, malformed or oversized body)
  // come from the server itself and count only if they carry a failure Result.
  if (answer.status === 200) return toResult(answer.body);
  return toFailure(answer.body) ?? fail('INTERNAL', FAILURE_MESSAGES.unavailable);
};
