#!/usr/bin/env python3
"""How our calls' weights grow with their components, and how much storage a
mission takes at most, read from the generated weights.rs files (the
benchmark's own regression: base, slope per component, storage reads and
writes at ParityDB's cost). Then what one balance transfer is charged (base
extrinsic, transaction extensions, the call; runtime/src/weights) against what
`approve_milestone` costs per extra contributor. Prints tables; changes nothing.

    python3 scripts/bench/scaling.py            # every pallet of ours
    python3 scripts/bench/scaling.py missions   # one
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
READ_PS, WRITE_PS = 8_000_000, 50_000_000  # ParityDbWeight, the runtime's DbWeight
RANGE = re.compile(r"The range of component `(\w+)` is `\[(\d+), (\d+)\]`")
PROOF = re.compile(r"Proof: `(\w+)::(\w+)` \(`max_values`: [^,]+, `max_size`: Some\((\d+)\)")


def parse(path):
    """Yields (name, components {c: (lo, hi)}, base_ps, slopes {c: ps}) for
    our template (SubstrateWeight) and FRAME's default one (WeightInfo<T>)."""
    text = path.read_text()
    if "WeightInfo for SubstrateWeight<T>" in text:
        impl = text.split("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>", 1)[1]
        impl = impl.split("\nimpl WeightInfo for ()", 1)[0]
    else:
        impl = text.split("for WeightInfo<T> {", 1)[1]
    for block in impl.split("\n\t}\n"):
        head = re.search(r"fn (\w+)\(([^)]*)\) -> Weight \{", block)
        if not head:
            continue
        ranges = {c: (int(lo), int(hi)) for c, lo, hi in RANGE.findall(block)}
        body = block[head.end():]
        base = int(re.search(r"Weight::from_parts\(([\d_]+),", body).group(1).replace("_", ""))
        slopes = {c: 0 for c in ranges}
        for ps, comp in re.findall(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w)\.into\(\)\)", body):
            slopes[comp] += int(ps.replace("_", ""))
        for kind, n in re.findall(r"\.(reads|writes)\(([\d_]+?)(?:_u64)?\)\)", body):
            base += int(n.replace("_", "")) * (READ_PS if kind == "reads" else WRITE_PS)
        for kind, n, comp in re.findall(r"\.(reads|writes)\(\(([\d_]+)_u64\)\.saturating_mul\((\w)\.into\(\)\)\)", body):
            slopes[comp] += int(n.replace("_", "")) * (READ_PS if kind == "reads" else WRITE_PS)
        yield head.group(1), ranges, base, slopes


def us(ps):
    return f"{ps / 1e6:,.1f}"


def main():
    wanted = sys.argv[1:] or [p.name for p in sorted((ROOT / "pallets").iterdir()) if (p / "src/weights.rs").exists()]
    for pallet in wanted:
        path = ROOT / "pallets" / pallet / "src/weights.rs"
        print(f"\npallet_{pallet.replace('-', '_')} ({path.relative_to(ROOT)}), ref time in µs, storage at ParityDB cost")
        print("| call | at the smallest components | per unit of each component | at the largest components |")
        print("| --- | --- | --- | --- |")
        for name, ranges, base, slopes in parse(path):
            lo = base + sum(slopes[c] * ranges[c][0] for c in ranges)
            hi = base + sum(slopes[c] * ranges[c][1] for c in ranges)
            per = ", ".join(f"{c}: +{us(slopes[c])} ({ranges[c][0]}..{ranges[c][1]})" for c in ranges) or "-"
            print(f"| {name} | {us(lo)} | {per} | {us(hi)} |")
        sizes = {}
        for pal, item, size in PROOF.findall(path.read_text()):
            sizes[f"{pal}::{item}"] = int(size)
        if sizes:
            print("\nstorage items it touches, largest encoded size (MaxEncodedLen) in bytes:")
            for key, size in sorted(sizes.items()):
                print(f"  {key}: {size}")
    if not sys.argv[1:]:
        transfer()


def weights_of(path):
    return {name: (ranges, base, slopes) for name, ranges, base, slopes in parse(path)}


def transfer():
    """What a signed `transfer_keep_alive` is charged, and approve_milestone's
    cost per extra contributor, in µs."""
    w = ROOT / "runtime/src/weights"
    if not (w / "pallet_balances.rs").exists():
        return
    base = int(re.search(r"WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\(([\d_]+)\)",
                         (w / "extrinsic_weights.rs").read_text()).group(1).replace("_", "")) * 1000
    ext = weights_of(w / "frame_system_extensions.rs")
    # The extensions a signed transaction runs (a mortal one; the bench signs immortal ones).
    used = ["check_non_zero_sender", "check_spec_version", "check_tx_version", "check_genesis",
            "check_mortality_mortal_transaction", "check_nonce", "check_weight", "weight_reclaim"]
    extensions = sum(ext[n][1] for n in used) + weights_of(w / "pallet_transaction_payment.rs")["charge_transaction_payment"][1]
    call = weights_of(w / "pallet_balances.rs")["transfer_keep_alive"][1]
    total = base + extensions + call
    print("\none signed balances.transfer_keep_alive, as charged (µs):")
    print("| base extrinsic | transaction extensions | the call | total |")
    print("| --- | --- | --- | --- |")
    print(f"| {us(base)} | {us(extensions)} | {us(call)} | {us(total)} |")
    missions = weights_of(ROOT / "pallets/missions/src/weights.rs")
    per = missions["approve_milestone"][2].get("c", 0)
    last = missions["approve_last_milestone"][2].get("c", 0)
    print(f"approve_milestone per extra contributor: +{us(per)} µs ({per / total:.2f} × a transfer); "
          f"approving the last milestone, which completes the mission: +{us(last)} µs "
          f"({last / total:.2f} × a transfer). Target ≤ 1.")


if __name__ == "__main__":
    main()
