import { MappingProblem } from '@iomt/domain';
import { inRequestBody, mappingContentAt } from './mapping-content';

const problem = (line: number, position: number): MappingProblem => ({
  message: 'm',
  level: 'ERROR',
  category: 'NORMALIZATION',
  mapping: 'deviceMapping',
  line,
  position,
  path: '$',
});

describe('mapping content', () => {
  const raw = '{\n  "properties": {\n    "content": {"templateType": "CollectionContent",\n      "template": []}\n  }\n}';
  const body = JSON.parse(raw) as unknown;

  it('takes an object template as its own text in the body, and where it starts', () => {
    const content = mappingContentAt(body, raw, ['properties', 'content']);
    expect(JSON.parse(content.text)).toEqual({ templateType: 'CollectionContent', template: [] });
    expect(content.origin).toEqual({ line: 3, column: 16 });
  });

  it.each<[number, number, number, number]>([
    [1, 1, 3, 16],
    [1, 5, 3, 20],
    [2, 7, 4, 7],
  ])('moves line %s position %s of the template to line %s position %s of the body', (line, position, bodyLine, bodyPosition) => {
    const content = mappingContentAt(body, raw, ['properties', 'content']);
    expect(inRequestBody(problem(line, position), content)).toMatchObject({ line: bodyLine, position: bodyPosition });
  });

  it('takes a string template as is and leaves its positions alone', () => {
    const content = mappingContentAt({ properties: { content: '{"a":1}' } }, undefined, ['properties', 'content']);
    expect(content).toEqual({ text: '{"a":1}' });
    expect(inRequestBody(problem(1, 3), content)).toMatchObject({ line: 1, position: 3 });
  });

  it.each([
    ['missing', { properties: {} }],
    ['a number', { properties: { content: 3 } }],
    ['an array', { properties: { content: [] } }],
    ['too long', { properties: { content: 'x'.repeat(256 * 1024 + 1) } }],
  ])('refuses content that is %s with a 400 naming properties.content', (_case, value) => {
    expect(() => mappingContentAt(value, undefined, ['properties', 'content'])).toThrow(
      expect.objectContaining({ code: 'InvalidRequestContent', target: 'properties.content' }),
    );
  });
});
