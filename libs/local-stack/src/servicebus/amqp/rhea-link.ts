import type { Receiver, Sender } from 'rhea';

/** The fields of a client's attach frame the broker reads. */
export interface AttachFrame {
  readonly source?: { readonly address?: string; readonly filter?: Record<string, unknown> | null };
  readonly target?: { readonly address?: string };
  readonly snd_settle_mode?: number;
  readonly rcv_settle_mode?: number;
  readonly properties?: Record<string, unknown>;
}

/** The fields of the broker's own attach frame it sets before the frame is written. */
export interface LocalAttachFrame {
  snd_settle_mode?: number;
  rcv_settle_mode?: number;
  max_message_size?: number;
  properties?: Record<string, unknown>;
}

interface LinkFrames {
  readonly remote: { readonly attach?: AttachFrame };
  readonly local: { readonly attach: LocalAttachFrame };
}

/** The attach frame the client sent (rhea keeps it, its typings do not show it). */
export function remoteAttach(link: Sender | Receiver): AttachFrame {
  return (link as unknown as LinkFrames).remote.attach ?? {};
}

/** The attach frame rhea will answer with. */
export function localAttach(link: Sender | Receiver): LocalAttachFrame {
  return (link as unknown as LinkFrames).local.attach;
}
