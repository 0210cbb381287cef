import Taro from '@tarojs/taro';
import { taroMock } from '../mocks/taro';
import { afterSignIn, goToSignIn } from '@/features/member';

beforeEach(() => {
  taroMock.reset();
  jest.clearAllMocks();
});

describe('a scan that meets a signed-out or unbound caller', () => {
  it('is remembered with its scene and opened once they are in', async () => {
    taroMock.setPath('/pages/checkin/index');
    taroMock.setParams({ scene: 'a7h2k9m3p4.1abc.XyZ_-12' });
    goToSignIn();
    await Promise.resolve();
    expect(Taro.reLaunch).toHaveBeenCalled();
    expect(afterSignIn()).toBe('/pages/checkin/index?scene=a7h2k9m3p4.1abc.XyZ_-12');
    // Used once: the next sign-in goes home.
    expect(afterSignIn()).toBe('/pages/index/index');
  });

  it('is not kept for ordinary pages', async () => {
    taroMock.setPath('/pages/mine/index');
    goToSignIn();
    await Promise.resolve();
    expect(afterSignIn()).toBe('/pages/index/index');
  });
});
