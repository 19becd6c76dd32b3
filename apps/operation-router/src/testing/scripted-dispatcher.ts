import type { RouterCommand } from '../handlers/router-command';
import type { CommandDispatcher } from '../processing/command-dispatcher';

/** One scripted reply: success, a thrown error (either after optional progress reports), or "never answer until aborted". */
export type ScriptedReply = ({ ok: true } | { error: unknown }) & { readonly progress?: readonly number[] } | 'hang';

/** A {@link CommandDispatcher} that answers from a script and records what it was sent. */
export class ScriptedDispatcher implements CommandDispatcher {
  readonly sent: { command: RouterCommand; attempt: number }[] = [];

  /** Runs after the scripted progress was reported and before the reply: lets a test look at the documents then. */
  beforeReply: () => Promise<void> = async () => undefined;

  constructor(private readonly script: ScriptedReply[] = []) {}

  async dispatch(command: RouterCommand, attempt: number, signal: AbortSignal, onProgress?: (percent: number) => void): Promise<unknown> {
    this.sent.push({ command, attempt });
    const reply = this.script.shift() ?? { ok: true };
    if (reply === 'hang') {
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    }
    for (const percent of reply.progress ?? []) onProgress?.(percent);
    await this.beforeReply();
    if ('error' in reply) throw reply.error;
    return {};
  }
}
