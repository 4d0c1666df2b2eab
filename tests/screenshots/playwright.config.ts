import { resolve } from 'node:path';
import base from '../../playwright.config';

// `scripts/screenshots`: the suite's three engines and static host, pointed at the page
// shots the README and docs/ show. Not part of the test run: it asserts nothing new.
export default {
  ...base,
  testDir: '.',
  testMatch: '*.shots.ts',
  reporter: [['list']],
  webServer: { ...base.webServer, cwd: resolve(__dirname, '../..') },
};
