/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built; decided at build time, so the other platform's branch is dead code. */
    TARO_ENV: 'weapp' | 'h5';
    /** CloudBase environment id for the mini program (from the .env files). */
    TARO_APP_CLOUD_ENV?: string;
    /** Base URL of the local server for the H5 build; empty means same origin. */
    TARO_APP_API_BASE?: string;
    /** Subscribe-message template id for activity reminders (the functions' SUBSCRIBE_TEMPLATE_ACTIVITY). */
    TARO_APP_SUBSCRIBE_TEMPLATE_ACTIVITY?: string;
  }
}
