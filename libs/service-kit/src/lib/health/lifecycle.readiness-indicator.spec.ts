import { LifecycleReadinessIndicator } from './lifecycle.readiness-indicator';

describe('LifecycleReadinessIndicator', () => {
  it('is ready while running and not ready once shutdown began', () => {
    const indicator = new LifecycleReadinessIndicator();
    expect(indicator.check()).toEqual({ ready: true, details: { phase: 'running' } });

    indicator.onModuleDestroy();

    expect(indicator.check()).toEqual({ ready: false, details: { phase: 'shutting-down' } });
  });
});
