/** Images and other assets resolve to their file name, as a bundler would resolve them to a URL. */
export default 'test-file-stub.png';
