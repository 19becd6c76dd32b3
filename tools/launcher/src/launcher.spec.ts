import { localGatewaySettings } from './launcher';

describe('localGatewaySettings', () => {
  it.each<[NodeJS.ProcessEnv, Record<string, string>]>([
    [{}, { LRO_RETRY_AFTER_SECONDS: '1', LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: 'true', LOCAL_ALLOW_ANONYMOUS: 'true' }],
    [{ LOCAL_ARM_TOKEN: 't' }, { LRO_RETRY_AFTER_SECONDS: '1', LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: 'true', LOCAL_ALLOW_ANONYMOUS: 'false' }],
    [
      { LRO_RETRY_AFTER_SECONDS: '5', LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: 'false', LOCAL_ALLOW_ANONYMOUS: 'false' },
      { LRO_RETRY_AFTER_SECONDS: '5', LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: 'false', LOCAL_ALLOW_ANONYMOUS: 'false' },
    ],
  ])('with %j gives %j', (env, expected) => {
    expect(localGatewaySettings(env)).toEqual(expected);
  });
});
