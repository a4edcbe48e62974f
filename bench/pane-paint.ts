// The task pane's first paint in Chromium (Debian's, driven by playwright-core), with the fake
// Office host of the tests: first contentful paint and the time until the pane is ready (its
// `data-ready`), median of N fresh pages, for each dist/ given.
//   tsx bench/pane-paint.ts DIST   (one JSON line; one dist per process: the harness keeps one server)
import { existsSync } from 'node:fs';

interface Paint {
  dist: string;
  runs: number;
  firstContentfulPaintMs: number;
  readyMs: number;
}

async function measureDist(dist: string, runs: number): Promise<Paint> {
  process.env.OUTTURN_PANE_DIST = dist;
  const h = await import('../test/support/taskpane-harness');
  await h.acquire();
  const fcp: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await h.openPane();
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ready: performance.now(),
      }));
      fcp.push(t.fcp);
      ready.push(t.ready);
      await page.close();
    }
  } finally {
    await h.release();
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { dist, runs, firstContentfulPaintMs: med(fcp), readyMs: med(ready) };
}

async function main(): Promise<void> {
  const dist = process.argv[2];
  if (!existsSync('/usr/bin/chromium')) {
    process.stdout.write(`${JSON.stringify({ note: 'no Chromium on this machine' })}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(await measureDist(dist, 9))}\n`);
}

void main();
