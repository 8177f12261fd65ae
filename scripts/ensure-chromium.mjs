// Browser tests drive Debian's Chromium (test tools cannot download browsers
// here). Install it when missing and we are root; otherwise say what to run.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

if (existsSync(CHROMIUM) && existsSync(FONT)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error('Chromium is missing: run `sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei`, then the tests again.');
  process.exit(1);
}
console.error('Installing Debian chromium and a CJK font for the browser tests…');
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei', {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} catch {
  console.error('Could not install Chromium: run `apt-get update && apt-get install -y chromium fonts-wqy-microhei` and try again.');
  process.exit(1);
}
