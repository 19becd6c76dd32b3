import { ComposeDocumentError, parseComposeDocument } from './compose-document';
import { MissingVariableError, interpolate } from './compose-interpolation';

describe('parseComposeDocument', () => {
  it('resolves anchors and merge keys', () => {
    const doc = parseComposeDocument('x-env: &env\n  A: "1"\nservices:\n  s:\n    image: i\n    environment:\n      <<: *env\n      B: "2"\n');
    expect(doc.services['s']!.environment).toEqual({ A: '1', B: '2' });
  });

  it.each([
    ['text that is not YAML', 'services: [unclosed', 'docker-compose.yml is not YAML'],
    ['no services', 'name: x\n', 'services: must be a map of services'],
    ['services as a list', 'services:\n  - a\n', 'services: must be a map of services'],
    ['environment as a list', 'services:\n  s:\n    image: i\n    environment:\n      - A=1\n', 'services.s.environment: must be a map of NAME: value'],
    ['ports as numbers', 'services:\n  s:\n    image: i\n    ports: [8080]\n', 'services.s.ports.0:'],
    ['build without dockerfile', 'services:\n  s:\n    build:\n      context: .\n', 'services.s.build.dockerfile: Invalid input: expected string'],
    ['an unknown depends_on condition', 'services:\n  s:\n    image: i\n    depends_on:\n      t:\n        condition: started\n', 'services.s.depends_on.t.condition:'],
  ])('rejects %s with a message naming the path', (_case, text, message) => {
    expect(() => parseComposeDocument(text)).toThrow(ComposeDocumentError);
    expect(() => parseComposeDocument(text)).toThrow(message);
  });
});

describe('interpolate', () => {
  it.each<[string, Record<string, string>, string]>([
    ['plain', {}, 'plain'],
    ['${A}', { A: 'x' }, 'x'],
    ['${A}', {}, ''],
    ['${A:-d}', {}, 'd'],
    ['${A:-d}', { A: '' }, 'd'],
    ['${A-d}', { A: '' }, ''],
    ['${A-d}', {}, 'd'],
    ['${A:?needed}', { A: 'x' }, 'x'],
    ['a$$b', {}, 'a$b'],
    ['${A:-}', {}, ''],
  ])('%s with %j is %s', (value, env, expected) => {
    expect(interpolate(value, env)).toBe(expected);
  });

  it.each([
    ['${A:?set A in .env}', {}, 'A is required: set A in .env'],
    ['${A:?set A}', { A: '' }, 'A is required: set A'],
    ['${A?}', {}, 'A is required: not set'],
  ])('%s with %j is refused', (value, env, message) => {
    expect(() => interpolate(value, env)).toThrow(MissingVariableError);
    expect(() => interpolate(value, env)).toThrow(message);
  });
});
