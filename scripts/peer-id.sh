#!/usr/bin/env bash
# Prints the bytes of a libp2p peer id as the chain stores it (node
# authorization): hex for polkadot.js (`nodeAuthorization.addWellKnownNode`)
# and a JSON array for a chain spec's `nodeAuthorization.nodes`.
#   scripts/peer-id.sh 12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PEER_ID" >&2; exit 2; }
python3 - "$1" <<'PY'
import json, sys
alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
peer = sys.argv[1]
n = 0
for c in peer:
    if c not in alphabet:
        sys.exit(f'not a base58 peer id: {peer}')
    n = n * 58 + alphabet.index(c)
body = n.to_bytes((n.bit_length() + 7) // 8, 'big') if n else b''
raw = b'\0' * (len(peer) - len(peer.lstrip('1'))) + body
print('hex: 0x' + raw.hex())
print('json:', json.dumps(list(raw)))
PY
