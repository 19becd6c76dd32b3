import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { callerId, OperationInitiator, problemsOf, throwIfProblems } from '@iomt/domain';
import { headerValue } from './gateway-request';

/** Headers in which ARM names the caller of a request (arm-rpc.md §1.2). */
export const CallerIdentityHeader = {
  /** The subscription's tenant; differs from the client's tenant for a cross-tenant (Lighthouse) caller. */
  HomeTenantId: 'x-ms-home-tenant-id',
  ClientTenantId: 'x-ms-client-tenant-id',
  ObjectId: 'x-ms-client-object-id',
  Puid: 'x-ms-client-puid',
} as const;

type CallerIdentityHeaderName = (typeof CallerIdentityHeader)[keyof typeof CallerIdentityHeader];

const HEADER_RULES: Readonly<Record<CallerIdentityHeaderName, z.ZodType<string>>> = {
  [CallerIdentityHeader.HomeTenantId]: callerId(),
  [CallerIdentityHeader.ClientTenantId]: callerId(),
  [CallerIdentityHeader.ObjectId]: callerId(),
  [CallerIdentityHeader.Puid]: callerId(),
};

/** The identity headers sent, blank ones counted as absent; an over-long one is a 400 naming it. */
function sentHeaders(request: IncomingMessage): Partial<Record<CallerIdentityHeaderName, string>> {
  const sent: Partial<Record<CallerIdentityHeaderName, string>> = {};
  const problems = [];
  for (const [name, rule] of Object.entries(HEADER_RULES) as [CallerIdentityHeaderName, z.ZodType<string>][]) {
    const value = headerValue(request, name)?.trim();
    if (value === undefined || value === '') continue;
    problems.push(...problemsOf(rule, value).map((problem) => ({ ...problem, path: name })));
    sent[name] = value;
  }
  throwIfProblems('The caller identity', problems);
  return sent;
}

/**
 * Who ARM says is calling, in the form an operation records as its initiator: the home tenant
 * (`x-ms-home-tenant-id`, else `x-ms-client-tenant-id`), the object id and the PUID; undefined
 * when the request names no one (the official SDKs called directly, operators). The principal
 * names and addresses ARM also sends are deliberately left out.
 * @throws ValidationError (400) naming each identity header whose value cannot be an id (see `callerId`).
 */
export function callerIdentityOf(request: IncomingMessage): OperationInitiator | undefined {
  const headers = sentHeaders(request);
  const identity: Record<string, string | undefined> = {
    homeTenantId: headers[CallerIdentityHeader.HomeTenantId] ?? headers[CallerIdentityHeader.ClientTenantId],
    objectId: headers[CallerIdentityHeader.ObjectId],
    puid: headers[CallerIdentityHeader.Puid],
  };
  const present = Object.entries(identity).filter(([, value]) => value !== undefined);
  return present.length === 0 ? undefined : (Object.fromEntries(present) as OperationInitiator);
}
