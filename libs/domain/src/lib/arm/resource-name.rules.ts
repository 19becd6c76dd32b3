import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';

/** A rule for one kind of name in a resource id. */
export interface ResourceNameRule {
  /** What the name names, for messages: "FHIR service name". */
  readonly subject: string;
  /** The rule in words, for messages. */
  readonly description: string;
  /** Matches a valid name in any letter case (ARM matches names case-insensitively). */
  readonly pattern: RegExp;
  /** When true a *new* resource's name must be lowercase (it becomes part of a DNS name). */
  readonly lowercaseOnCreate: boolean;
  /** The ARM error code for a name that breaks the rule. */
  readonly code: string;
}

/** ARM's own limit on any resource name segment (arm-rpc.md §1.1). */
export const ARM_RESOURCE_NAME_MAX_LENGTH = 260;

/** Characters ARM forbids in any resource name: `< > % & : \ ? / #` and control characters. */
// eslint-disable-next-line no-control-regex
const ARM_FORBIDDEN_NAME_CHARACTERS = /[<>%&:\\?/#\u0000-\u001f\u007f]/;

/**
 * 3–24 characters, letters, digits and hyphens, starting and ending with a letter or digit. The
 * swagger's body pattern `{1,21}` would cap names at 23, but its path `maxLength` and the portal say
 * 24; we follow the 24 so no name the public API accepts is refused.
 */
const LOWERCASE_DNS_LABEL_3_24 = /^[a-z0-9][a-z0-9-]{1,22}[a-z0-9]$/i;

/**
 * Any ARM resource name: 1–260 characters without the characters ARM forbids. Resource providers
 * are expected to be stricter; this is the floor used for types we do not own.
 */
export const ARM_RESOURCE_NAME: ResourceNameRule = {
  subject: 'resource name',
  description: `1 to ${ARM_RESOURCE_NAME_MAX_LENGTH} characters without < > % & : \\ ? / # or control characters`,
  pattern: new RegExp(`^(?!.*${ARM_FORBIDDEN_NAME_CHARACTERS.source}).{1,${ARM_RESOURCE_NAME_MAX_LENGTH}}$`, 's'),
  lowercaseOnCreate: false,
  code: ErrorCode.InvalidResourceName,
};

/**
 * Azure API for FHIR service name: swagger path parameter `resourceName` minLength 3, maxLength 24,
 * and the `Resource.name` pattern `^[a-z0-9][a-z0-9-]{1,21}[a-z0-9]$` (azure-rest-api-specs
 * healthcareapis preview/2018-08-20-preview/healthcare-apis.json). It becomes
 * `{name}.azurehealthcareapis.com`, hence lowercase on create.
 */
export const FHIR_SERVICE_NAME: ResourceNameRule = {
  subject: 'FHIR service name',
  description: '3 to 24 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
  pattern: LOWERCASE_DNS_LABEL_3_24,
  lowercaseOnCreate: true,
  code: ErrorCode.InvalidResourceName,
};

/**
 * IoMT connector name: "lowercase letters, numbers and `-`, must start and end with a letter or
 * number, 3–24 characters, unique within the FHIR service" (portal quickstart, arm-rpc.md §2.1).
 */
export const IOMT_CONNECTOR_NAME: ResourceNameRule = {
  subject: 'IoMT connector name',
  description: FHIR_SERVICE_NAME.description,
  pattern: LOWERCASE_DNS_LABEL_3_24,
  lowercaseOnCreate: true,
  code: ErrorCode.InvalidResourceName,
};

/**
 * IoMT connection name. The 2020-05-01-preview swagger is not public (arm-rpc.md §6); a connection
 * becomes an Event Hubs authorization rule, so we keep the connector's stricter rule, which every
 * Event Hubs rule name also satisfies. [inference]
 */
export const IOMT_CONNECTION_NAME: ResourceNameRule = {
  subject: 'IoMT connection name',
  description: FHIR_SERVICE_NAME.description,
  pattern: LOWERCASE_DNS_LABEL_3_24,
  lowercaseOnCreate: true,
  code: ErrorCode.InvalidResourceName,
};

/**
 * Operation id in status URLs. It is also the `operation-replies` session id, and Service Bus
 * caps session ids at 128 characters (arm-rpc.md §4); GUIDs fit.
 */
export const OPERATION_ID: ResourceNameRule = {
  subject: 'operation id',
  description: '1 to 128 letters, digits, periods, underscores and hyphens, starting with a letter or digit',
  pattern: /^[a-z0-9][a-z0-9._-]{0,127}$/i,
  lowercaseOnCreate: false,
  code: ErrorCode.InvalidOperationId,
};

/** True when `name` follows `rule` (in any letter case). */
export function isValidName(rule: ResourceNameRule, name: unknown): name is string {
  return typeof name === 'string' && rule.pattern.test(name);
}

/**
 * Returns `name` unchanged when it follows `rule`; otherwise throws a `ValidationError` with the
 * rule's ARM code and `target`.
 */
export function assertName(rule: ResourceNameRule, name: unknown, target = 'name'): string {
  if (!isValidName(rule, name)) {
    throw armValidationError(
      rule.code,
      `The ${rule.subject} ${quoteInput(name)} is invalid. It must be ${rule.description}.`,
      target,
    );
  }
  return name;
}

/**
 * Checks a name for a resource about to be created: the rule, plus lowercase where the rule asks
 * for it. Lookups of existing resources use `assertName`, which accepts any letter case.
 */
export function assertNewName(rule: ResourceNameRule, name: unknown, target = 'name'): string {
  const valid = assertName(rule, name, target);
  if (rule.lowercaseOnCreate && valid !== valid.toLowerCase()) {
    throw armValidationError(
      rule.code,
      `The ${rule.subject} ${quoteInput(valid)} is invalid. It must be ${rule.description}; use lowercase letters.`,
      target,
    );
  }
  return valid;
}
