import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it, onTestFinished } from 'vitest';
import { answerCalls, createWorkerCalls, type CallReply } from './calls';

type Request = { value?: number; delayMs?: number; fail?: string; crash?: boolean };
const FIXTURE = fileURLToPath(new URL('./calls.fixture.mjs', import.meta.url));

function start() {
  const calls = createWorkerCalls<Request, number>(FIXTURE, null);
  onTestFinished(() => calls.close());
  return calls;
}

describe('createWorkerCalls', () => {
  it('answers each call with its own result, whatever order the answers come in', async () => {
    const calls = start();
    const answers = await Promise.all([calls.call({ value: 1, delayMs: 30 }), calls.call({ value: 2 }), calls.call({ value: 3, delayMs: 10 })]);
    expect(answers).toEqual([2, 4, 6]);
  });

  it('rejects a call the worker answers with an error, and goes on', async () => {
    const calls = start();
    await expect(calls.call({ fail: 'score' })).rejects.toThrow('cannot score');
    await expect(calls.call({ value: 5 })).resolves.toBe(10);
  });

  it('fails the calls in flight when the worker crashes, and starts a new one for the next call', async () => {
    const calls = start();
    const slow = calls.call({ value: 1, delayMs: 200 });
    await expect(calls.call({ crash: true })).rejects.toThrow('crashed on purpose');
    await expect(slow).rejects.toThrow('crashed on purpose');
    await expect(calls.call({ value: 4 })).resolves.toBe(8);
  });

  it("a call made while closing goes to a new worker, and only the closed worker's calls fail", async () => {
    const calls = start();
    const before = calls.call({ value: 1, delayMs: 200 });
    const closing = calls.close();
    const after = calls.call({ value: 2 });
    await expect(before).rejects.toThrow('exited');
    await expect(after).resolves.toBe(4);
    await closing;
  });

  it('idle() waits for the calls in flight', async () => {
    const calls = start();
    let answered = false;
    void calls.call({ value: 1, delayMs: 50 }).then(() => (answered = true));
    await calls.idle();
    expect(answered).toBe(true);
    await calls.idle();
  });
});

describe('answerCalls', () => {
  it("posts the handler's result, or its error's message, under the call's id", async () => {
    const { port1, port2 } = new MessageChannel();
    onTestFinished(() => port1.close());
    const replies: CallReply<number>[] = [];
    const received = new Promise<void>((resolve) => port2.on('message', (reply: CallReply<number>) => replies.push(reply) === 2 && resolve()));
    const accept = answerCalls(port1, async (n: number) => {
      if (n < 0) throw new Error(`${n} is negative`);
      return n + 1;
    });
    accept({ id: 7, request: 1 });
    accept({ id: 8, request: -1 });
    await received;
    expect(replies).toEqual([{ id: 7, result: 2 }, { id: 8, error: '-1 is negative' }]);
  });
});
