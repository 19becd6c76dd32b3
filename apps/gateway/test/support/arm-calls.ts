import type { Test } from 'supertest';
import type { GatewayUnderTest } from './gateway-under-test';
import { LOCAL_TOKEN } from './gateway-under-test';

/** api-versions the tests speak. */
export const SERVICES_API = '2023-11-01';
export const IOMT_API = '2020-05-01-preview';

/** The id of a FHIR service. */
export function serviceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.HealthcareApis/services/${name}`;
}

/**
 * A FHIR service name made unique to a subscription: service names are unique across all
 * subscriptions, so tests that make a subscription per case must not reuse one literal name.
 */
export function nameIn(subscriptionId: string, name: string): string {
  return `${name}-${subscriptionId.slice(0, 6)}`;
}

/** Authenticated requests as ARM makes them: bearer token (local mode), JSON, a referer. */
export function arm(gateway: GatewayUnderTest) {
  const prepare = (test: Test, path: string) =>
    test.set('authorization', `Bearer ${LOCAL_TOKEN}`).set('referer', `https://management.azure.com${path}`);
  const withVersion = (path: string, version: string) => `${path}${path.includes('?') ? '&' : '?'}api-version=${version}`;
  return {
    get: (path: string, version = SERVICES_API) => prepare(gateway.http().get(withVersion(path, version)), withVersion(path, version)),
    delete: (path: string, version = SERVICES_API) => prepare(gateway.http().delete(withVersion(path, version)), withVersion(path, version)),
    put: (path: string, body: unknown, version = SERVICES_API) =>
      prepare(gateway.http().put(withVersion(path, version)), withVersion(path, version)).send(body as object),
    patch: (path: string, body: unknown, version = SERVICES_API) =>
      prepare(gateway.http().patch(withVersion(path, version)), withVersion(path, version)).send(body as object),
    post: (path: string, body: unknown, version = SERVICES_API) =>
      prepare(gateway.http().post(withVersion(path, version)), withVersion(path, version)).send(body as object),
    /** GETs an absolute URL the gateway handed out (nextLink, Azure-AsyncOperation, Location) as ARM would. */
    follow: (url: string) => {
      const parsed = new URL(url);
      return prepare(gateway.http().get(`${parsed.pathname}${parsed.search}`), `${parsed.pathname}${parsed.search}`);
    },
  };
}

/** Registers a subscription the way ARM does, in `state`. */
export async function registerSubscription(gateway: GatewayUnderTest, subscriptionId: string, state = 'Registered'): Promise<void> {
  const response = await arm(gateway).put(`/subscriptions/${subscriptionId}`, { state, registrationDate: new Date().toUTCString() }, '2.0');
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`registration answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** The id of an IoMT connector. */
export function connectorId(subscriptionId: string, resourceGroup: string, service: string, name: string): string {
  return `${serviceId(subscriptionId, resourceGroup, service)}/iomtconnectors/${name}`;
}
