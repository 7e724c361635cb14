/**
 * The workflow designer with a 50-step workflow, in a real chromium (playwright-core, Debian's
 * /usr/bin/chromium): the time to render the canvas, and p50/p95 of the time from a keystroke in a settings
 * field, and from a pointer move while dragging a node, to the next frame. Prints figures; asserts nothing.
 *
 *   npm run -w studio build   # or STRATUM_STUDIO_DIR=<a build of one's own>
 *   npm run -w bench studio-workflow
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startStudioSession } from './studio-session';
import { printFigures, summarize, type Figure } from './stats';

const STEPS = 50;
const KEYSTROKES = Number(process.env.BENCH_ITERATIONS ?? 60);

/** 50 steps: a chain of notifications with a condition every tenth step, both branches joining again. */
function bigWorkflow(): Record<string, unknown> {
  const steps: Record<string, unknown>[] = [];
  for (let i = 1; i <= STEPS; i++) {
    const next = i < STEPS ? `s${i + 1}` : undefined;
    if (i % 10 === 5 && i + 2 <= STEPS) {
      steps.push({
        id: `s${i}`,
        type: 'condition',
        when: { amount: { $gte: i * 100 } },
        then: `s${i + 1}`,
        else: `s${i + 2}`,
      });
    } else {
      steps.push({ id: `s${i}`, type: 'notify', to: 'owner', title: `Step ${i}: {{trigger.record.name}}`, next });
    }
  }
  return { name: 'bench50', trigger: { type: 'recordCreated', object: 'deal' }, start: 's1', steps };
}

/**
 * Installs in the page a sampler: for each event of `type`, the time from the event to the frame after it
 * (a requestAnimationFrame callback, then a task: the frame's work done, React's render included).
 */
async function installSampler(page: Page, type: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__samples = [];
    window.__sampler && document.removeEventListener(window.__samplerType, window.__sampler, true);
    window.__samplerType = ${JSON.stringify(type)};
    window.__sampler = (event) => {
      const t0 = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__samples.push(performance.now() - t0), 0));
    };
    document.addEventListener(window.__samplerType, window.__sampler, true);
  })()`);
}

function info(metric: string, ms: number): Figure {
  return { metric, value: `${ms.toFixed(1)} ms`, target: '-', verdict: 'info' };
}

async function samples(page: Page): Promise<number[]> {
  await page.waitForTimeout(100);
  return (await page.evaluate('window.__samples')) as number[];
}

async function main(): Promise<void> {
  const session = await startStudioSession('sales-crm');
  const { server, browser, token, email, password } = session;
  const figures: Figure[] = [];
  try {
    const created = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($i: JSON!) { createWorkflow(input: $i) { applied } }',
        variables: { i: bigWorkflow() },
      }),
    });
    const answer = (await created.json()) as { errors?: unknown };
    if (answer.errors) throw new Error(`createWorkflow: ${JSON.stringify(answer.errors)}`);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.locator('input[name=password]').press('Enter');
    await page.getByRole('table', { name: 'Objects' }).waitFor();

    // Render: from the navigation to all 51 nodes (trigger + 50 steps) laid out on the canvas.
    const start = Date.now();
    await page.evaluate(
      `history.pushState({}, '', '/workflows/bench50'); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === ${STEPS + 1} &&
      [...document.querySelectorAll('.react-flow__node')].every((n) => n.style.visibility !== 'hidden')`);
    const renderMs = Date.now() - start;
    figures.push({ metric: `render canvas (${STEPS} steps)`, value: `${renderMs} ms`, target: '-', verdict: 'info' });

    // Keystrokes in the title of a step in the middle.
    await page.locator('.react-flow__node[data-id="s24"]').click();
    const message = page
      .getByRole('complementary', { name: 'Panel' })
      .getByRole('textbox', { name: 'title', exact: true });
    await message.click();
    await message.press('End');
    // A fast typist: a key every 50 ms, so each sample is one keystroke's work, not a queue of them.
    await installSampler(page, 'keydown');
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Backspace' : 'x');
      await page.waitForTimeout(50);
    }
    const keySamples = await samples(page);
    if (process.env.BENCH_VERBOSE) console.log(keySamples.map((n) => n.toFixed(0)).join(' '));
    const keys = summarize(keySamples);
    // The first keystrokes also pay for warming up (JIT, the first "unsaved" render): the rest apart.
    const warm = summarize(keySamples.slice(5));
    figures.push(info('keystroke → next frame p50', keys.p50));
    figures.push(info('keystroke → next frame p95', keys.p95));
    figures.push(info('keystroke p95 without the first 5', warm.p95));

    // Dragging a node: a pointer move per frame (16 ms) while the button is down.
    const node = page.locator('.react-flow__node[data-id="s10"]');
    const box = (await node.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 15);
    await page.mouse.down();
    await installSampler(page, 'mousemove');
    for (let i = 1; i <= KEYSTROKES; i++) {
      await page.mouse.move(box.x + 30 + i * 3, box.y + 15 + (i % 10) * 2);
      await page.waitForTimeout(16);
    }
    const drag = summarize(await samples(page));
    await page.mouse.up();
    figures.push(info('drag move → next frame p50', drag.p50));
    figures.push(info('drag move → next frame p95', drag.p95));
  } finally {
    await session.close();
  }
  printFigures('studio workflow canvas (50 steps, chromium headless)', figures);
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'studio-workflow-canvas.json'), JSON.stringify(figures, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
