import '@testing-library/jest-dom';
import { taroMock } from './mocks/taro';

// The component tests exercise the H5 build, where the local server answers over HTTP.
process.env.TARO_ENV = 'h5';

afterEach(() => {
  taroMock.reset();
  jest.clearAllMocks();
});
