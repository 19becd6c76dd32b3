import { Test } from '@nestjs/testing';
import { KEY_MANAGER, RESOURCE_DEPLOYER, type ResourceDeployer, STREAM_ANALYTICS_JOB_CONTROLLER } from '@iomt/domain';
import { type FakeArm, startFakeArm } from '@iomt/local-stack';
import { AzureModule } from '../src/lib/azure.module';
import { ArmResourceDeployer } from '../src/lib/deployments/arm-resource.deployer';
import { EVENT_HUB_POLICY_MANAGER } from '../src/lib/event-hubs/event-hub-policy-manager.port';
import { KEY_VAULT_SECRET_WRITER } from '../src/lib/key-vault/key-vault-secret-writer.port';
import { ArmKeyManager } from '../src/lib/keys/arm-key.manager';
import { ArmStreamAnalyticsJobController } from '../src/lib/stream-analytics/arm-stream-analytics-job.controller';
import { INFRASTRUCTURE_SUBSCRIPTION_ID } from '../src/lib/test-support/samples';

const CONFIG = Symbol('CONFIG');

describe('AzureModule', () => {
  let fakeArm: FakeArm;

  beforeAll(async () => {
    fakeArm = await startFakeArm();
  });
  afterAll(() => fakeArm.stop());

  it('binds the domain ports to the ARM adapters, from options a factory reads out of config', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AzureModule.forRootAsync({
          imports: [
            {
              module: class ConfigModule {},
              providers: [{ provide: CONFIG, useValue: { endpoint: fakeArm.endpoint } }],
              exports: [CONFIG],
              global: false,
            },
          ],
          inject: [CONFIG],
          useFactory: (config: { endpoint: string }) => ({
            mode: 'local',
            endpoint: config.endpoint,
            retry: { retryDelayInMs: 1 },
            pollIntervalMs: 1,
          }),
        }),
      ],
    }).compile();
    expect(moduleRef.get(RESOURCE_DEPLOYER)).toBeInstanceOf(ArmResourceDeployer);
    expect(moduleRef.get(KEY_MANAGER)).toBeInstanceOf(ArmKeyManager);
    expect(moduleRef.get(STREAM_ANALYTICS_JOB_CONTROLLER)).toBeInstanceOf(ArmStreamAnalyticsJobController);
    expect(moduleRef.get(EVENT_HUB_POLICY_MANAGER)).toBeDefined();
    expect(moduleRef.get(KEY_VAULT_SECRET_WRITER)).toBeDefined();
    // The bound deployer really talks to the configured endpoint.
    await moduleRef
      .get<ResourceDeployer>(RESOURCE_DEPLOYER)
      .deleteResourceGroup(INFRASTRUCTURE_SUBSCRIPTION_ID, 'rg-absent');
    expect(fakeArm.calls().log.map((c) => c.method)).toEqual(['DELETE']);
    await moduleRef.close();
  });

  it("refuses to start in 'azure' mode without a credential", async () => {
    const compile = Test.createTestingModule({ imports: [AzureModule.forRoot({ mode: 'azure' })] }).compile();
    await expect(compile).rejects.toThrow("Azure mode 'azure' needs a TokenCredential");
  });

  it('refuses invalid options, naming the setting', async () => {
    const compile = Test.createTestingModule({
      imports: [AzureModule.forRoot({ mode: 'local', endpoint: 'not-a-url' })],
    }).compile();
    await expect(compile).rejects.toThrow('Invalid Azure options: endpoint must be an http(s) URL');
  });
});
