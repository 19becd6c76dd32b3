import { isDomainError } from '@iomt/domain';
import type {
  SubscriptionRegistration,
  SubscriptionRegistrationRepository,
  SubscriptionState,
} from '../ports/subscription-registration.repository.port';
import { AccessKind, SubscriptionAccess } from './subscription-access.service';

const SUB = '11111111-2222-3333-4444-555555555555';

function accessWith(state: SubscriptionState | undefined, autoRegister: boolean): SubscriptionAccess {
  const registration: SubscriptionRegistration | undefined =
    state === undefined ? undefined : { subscriptionId: SUB, state, timeLastUpdated: '2026-11-22T00:00:00Z' };
  const repository: SubscriptionRegistrationRepository = {
    get: async () => registration,
    put: async (r) => r,
  };
  return new SubscriptionAccess(repository, { LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: autoRegister });
}

async function outcome(access: SubscriptionAccess, kind: AccessKind): Promise<string> {
  try {
    await access.assertAllowed(SUB, kind);
    return 'allowed';
  } catch (error) {
    return isDomainError(error) ? error.code : 'unexpected';
  }
}

describe('SubscriptionAccess', () => {
  it.each<[SubscriptionState | undefined, boolean, AccessKind, string]>([
    [undefined, false, 'write', 'SubscriptionNotRegistered'],
    [undefined, false, 'delete', 'SubscriptionNotRegistered'],
    [undefined, false, 'read', 'allowed'],
    [undefined, true, 'write', 'allowed'],
    [undefined, true, 'delete', 'allowed'],
    ['Registered', false, 'write', 'allowed'],
    ['Warned', false, 'write', 'InvalidSubscriptionState'],
    ['Warned', true, 'write', 'InvalidSubscriptionState'],
    ['Warned', false, 'delete', 'allowed'],
    ['Suspended', true, 'write', 'InvalidSubscriptionState'],
    ['Deleted', true, 'write', 'InvalidSubscriptionState'],
    ['Unregistered', true, 'delete', 'InvalidSubscriptionState'],
  ])('state %s, auto-register %s, %s: %s', async (state, autoRegister, kind, expected) => {
    expect(await outcome(accessWith(state, autoRegister), kind)).toBe(expected);
  });
});
