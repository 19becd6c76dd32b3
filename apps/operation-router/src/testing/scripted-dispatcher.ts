import type { RouterCommand } from '../handlers/router-command';
import type { CommandDispatcher } from '../processing/command-dispatcher';

/** One scripted reply: success, a thrown error, or "never answer until aborted". */
export type ScriptedReply = { ok: true } | { error: unknown } | 'hang';

/** A {@link CommandDispatcher} that answers from a script and records what it was sent. */
export class ScriptedDispatcher implements CommandDispatcher {
  readonly sent: { command: RouterCommand; attempt: number }[] = [];

  constructor(private readonly script: ScriptedReply[] = []) {}

  async dispatch(command: RouterCommand, attempt: number, signal: AbortSignal): Promise<unknown> {
    this.sent.push({ command, attempt });
    const reply = this.script.shift() ?? { ok: true };
    if (reply === 'hang') {
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    }
    if ('error' in reply) throw reply.error;
    return {};
  }
}
