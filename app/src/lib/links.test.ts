import { describe, expect, it } from 'vitest';
import { checkLink, isNodeEndpoint, proposedByLink, safeHref } from './links';

describe('links', () => {
  it('a link proposes an endpoint only when it differs from the one in use', () => {
    expect(proposedByLink('?rpc=wss%3A%2F%2Fevil.example', 'rpc', 'ws://127.0.0.1:9944')).toBe('wss://evil.example');
    expect(proposedByLink('?rpc=ws%3A%2F%2F127.0.0.1%3A9944', 'rpc', 'ws://127.0.0.1:9944')).toBeUndefined();
    expect(proposedByLink('', 'rpc', 'ws://127.0.0.1:9944')).toBeUndefined();
    expect(proposedByLink('?indexer=http%3A%2F%2Fx%3A1', 'indexer', null)).toBe('http://x:1');
    expect(proposedByLink('?indexer=', 'indexer', null)).toBeUndefined();
  });

  it('only https: and ipfs: addresses become links', () => {
    expect(safeHref('https://example.org/spec.pdf')).toBe('https://example.org/spec.pdf');
    expect(safeHref('ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi')).toMatch(/^ipfs:\/\/bafy/);
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>1</script>',
      'http://example.org',
      'file:///etc/passwd',
      'vbscript:x',
      '//evil.example',
      'https:',
      'not a url',
      ' javascript:alert(1)',
    ]) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });

  it('the forms take only what the board would open', () => {
    expect(checkLink('', 256)).toBeUndefined();
    expect(checkLink('https://example.org/a', 256)).toBeUndefined();
    expect(checkLink('javascript:alert(1)', 256)).toBe('An https:// or ipfs:// address.');
    expect(checkLink('http://example.org', 256)).toBe('An https:// or ipfs:// address.');
    expect(checkLink('https://example.org/a b', 256)).toBe('An https:// or ipfs:// address.');
    expect(checkLink(`https://example.org/${'a'.repeat(300)}`, 256)).toBe('At most 256 bytes.');
  });

  it('a node endpoint is a WebSocket address', () => {
    expect(isNodeEndpoint('ws://127.0.0.1:9944')).toBe(true);
    expect(isNodeEndpoint('wss://node.example')).toBe(true);
    expect(isNodeEndpoint('http://127.0.0.1:9944')).toBe(false);
  });
});
