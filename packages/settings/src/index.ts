export { SettingError, startFailureReport } from './setting-error';
export { wholeNumberSetting } from './whole-number-setting';
