import '@testing-library/jest-dom';
import { taroMock } from './mocks/taro';

// The component tests exercise the H5 build, where the local server answers over HTTP.
process.env.TARO_ENV = 'h5';

afterEach(() => {
  taroMock.reset();
  jest.clearAllMocks();
});

// jsdom has no object URLs; the H5 code makes them for picked and downloaded files. Tests that
// check a download replace these with their own.
let objectUrls = 0;
URL.createObjectURL = () => `blob:test/${(objectUrls += 1)}`;
URL.revokeObjectURL = () => undefined;
