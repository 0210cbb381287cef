import Taro from '@tarojs/taro';
import { FAILURE_MESSAGES, fail, toResult } from './result';
import type { Transport } from './transport';

function readErrMsg(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'errMsg' in error && typeof error.errMsg === 'string') {
    return error.errMsg;
  }
  return error instanceof Error ? error.message : '';
}

/** CloudBase rejects for transport problems and for functions that crashed; tell the two apart for the member. */
function messageFor(error: unknown): string {
  const errMsg = readErrMsg(error).toLowerCase();
  if (errMsg.includes('timeout') || errMsg.includes('timed out')) return FAILURE_MESSAGES.timeout;
  if (errMsg.includes('execute fail') || errMsg.includes('-504002')) return FAILURE_MESSAGES.unavailable;
  return FAILURE_MESSAGES.network;
}

/** Mini program transport: `wx.cloud.callFunction`, whose `result` is what the function returned. */
export const cloudTransport: Transport = async (name, event) => {
  try {
    const response = await Taro.cloud.callFunction({ name, data: { ...event } });
    return toResult(response.result);
  } catch (error) {
    return fail('INTERNAL', messageFor(error));
  }
};
