import { startServer } from '@osl/backend';
import { launchChromium } from '../support/browser.ts';
import { temporaryEnvironment } from '../support/installation.ts';
const demo = await startServer(temporaryEnvironment(undefined, { OSL_DEMO_PASSWORD: 'x-demo-pass-123' }), { demoIfEmpty: true, runPipeline: true });
const browser = await launchChromium();
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.fill('[data-testid="sign-in-email"]', 'dyrektor@demo.osl');
  await page.fill('[data-testid="sign-in-password"]', 'x-demo-pass-123');
  await page.click('[data-testid="sign-in-submit"]');
  await page.locator('[data-testid="user-menu"]').waitFor();
  await page.goto(demo.url);
  const first = await (await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-painted]')?.dataset.painted ?? false, undefined, { polling: 10, timeout: 30000 })).jsonValue();
  const t = await page.evaluate(() => ({ nt: performance.getEntriesByType("navigation").map((e: any) => ({ fetchStart: Math.round(e.fetchStart), reqStart: Math.round(e.requestStart), respStart: Math.round(e.responseStart), respEnd: Math.round(e.responseEnd), domInteractive: Math.round(e.domInteractive) })),
    nav: performance.getEntriesByType('navigation').map((e: any) => ({ dcl: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd) })),
    res: performance.getEntriesByType('resource').map((e) => `${e.name.replace(location.origin, '').slice(0, 50)} ${Math.round(e.startTime)}-${Math.round(e.responseEnd)}`),
    marks: performance.getEntriesByType('paint').map((e) => `${e.name} ${Math.round(e.startTime)}`),
  }));
  if (i > 0) console.log('first chart', first, JSON.stringify(t, null, 1));
  await context.close();
}
await browser.close(); await demo.close();
