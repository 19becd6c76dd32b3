import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ClientServiceBus } from './client-service-bus';
import { MessagingModule } from './messaging.module';

const COMMANDS = Symbol('COMMANDS');
const EVENTS = 'EVENTS';
const CONNECTION = 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true';

@Injectable()
class Settings {
  readonly connectionString = CONNECTION;
}

@Module({ providers: [Settings], exports: [Settings] })
class SettingsModule {}

@Injectable()
class Producer {
  constructor(@Inject(COMMANDS) readonly commands: ClientServiceBus) {}
}

describe('MessagingModule', () => {
  it('registers clients by token', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MessagingModule.register([{ name: COMMANDS, options: { connectionString: CONNECTION, entityPath: 'commands' } }])],
      providers: [Producer],
    }).compile();
    expect(moduleRef.get(Producer).commands).toBeInstanceOf(ClientServiceBus);
    await moduleRef.close();
  });

  it('builds clients from injected settings, and closes them on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.registerAsync([
          {
            name: EVENTS,
            imports: [SettingsModule],
            inject: [Settings],
            useFactory: (settings: Settings) => ({ connectionString: settings.connectionString, entityPath: 'events' }),
          },
        ]),
      ],
    }).compile();
    const client = moduleRef.get<ClientServiceBus>(EVENTS);
    const close = jest.spyOn(client, 'close');
    await moduleRef.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('fails to build a client from bad options with a precise error', async () => {
    const build = Test.createTestingModule({
      imports: [MessagingModule.register([{ name: COMMANDS, options: { connectionString: '', entityPath: 'x' } }])],
    }).compile();
    await expect(build).rejects.toThrow('ClientServiceBus: options need a non-empty connectionString or a client');
  });
});
