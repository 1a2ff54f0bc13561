import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 360, height: 740 } });
await p.goto('file:///tmp/r20/index.html');
const y = await p.evaluate(() => document.querySelector('#misconfigurations').getBoundingClientRect().top + scrollY);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
await p.screenshot({ path: '/tmp/scan-lower.png', fullPage: true, clip: { x: 0, y: Math.round(y), width: 360, height: Math.min(1500, h - Math.round(y)) } });
await b.close();
