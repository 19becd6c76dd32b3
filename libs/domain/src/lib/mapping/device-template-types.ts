import { matchesTemplateType } from './template-collection';

/** A device (normalization) template type iomt-fhir registers, and the members its class has. */
export interface DeviceTemplateType {
  /** The `templateType` name, without the optional `Template` suffix. */
  readonly name: string;
  /** The .NET class, as Json.NET names it in messages. */
  readonly className: string;
  /** CalculatedContent: expressions may be JMESPath or `{value, language}` objects. */
  readonly calculated: boolean;
  /** Expression members that must be present (besides `typeName`). */
  readonly requiredExpressions: readonly string[];
  /** Members the type accepts but ignores, with the expression it uses instead. */
  readonly ignoredExpressions: Readonly<Record<string, string>>;
  /** Where the timestamp is read when the fixed timestamp expression finds nothing. */
  readonly alternateTimestampExpression?: string;
}

/** Expression members every type may have. */
export const OPTIONAL_EXPRESSIONS = ['patientIdExpression', 'encounterIdExpression', 'correlationIdExpression'];

/** The four types of `TemplateExtensions` / `IomtConnectorFunctions` (iomt.md §2.1). */
export const DEVICE_TEMPLATE_TYPES: readonly DeviceTemplateType[] = [
  {
    name: 'JsonPathContent',
    className: 'JsonPathContentTemplate',
    calculated: false,
    requiredExpressions: ['typeMatchExpression', 'deviceIdExpression', 'timestampExpression'],
    ignoredExpressions: {},
  },
  {
    name: 'IotJsonPathContent',
    className: 'IotJsonPathContentTemplate',
    calculated: false,
    requiredExpressions: ['typeMatchExpression'],
    ignoredExpressions: {
      deviceIdExpression: '$.SystemProperties.iothub-connection-device-id',
      timestampExpression: '$.Properties.iothub-creation-time-utc',
    },
    alternateTimestampExpression: '$.SystemProperties.iothub-enqueuedtime',
  },
  {
    name: 'IotCentralJsonPathContent',
    className: 'IotCentralJsonPathContentTemplate',
    calculated: false,
    requiredExpressions: ['typeMatchExpression'],
    ignoredExpressions: { deviceIdExpression: '$.deviceId', timestampExpression: '$.enqueuedTime' },
  },
  {
    name: 'CalculatedContent',
    className: 'CalculatedFunctionContentTemplate',
    calculated: true,
    requiredExpressions: ['typeMatchExpression', 'deviceIdExpression', 'timestampExpression'],
    ignoredExpressions: {},
  },
];

/** The type a container's `templateType` names (case-insensitive, optional `Template` suffix). */
export function findDeviceTemplateType(templateType: string | undefined): DeviceTemplateType | undefined {
  return DEVICE_TEMPLATE_TYPES.find((type) => matchesTemplateType(`${type.name}Template`, templateType));
}

/** Every member a template of this type may have. */
export function knownDeviceTemplateKeys(type: DeviceTemplateType): string[] {
  return [
    'typeName',
    'values',
    ...type.requiredExpressions,
    ...OPTIONAL_EXPRESSIONS,
    ...Object.keys(type.ignoredExpressions),
    ...(type.calculated ? ['defaultExpressionLanguage'] : []),
  ];
}
