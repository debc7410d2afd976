//! Builds the runtime to WebAssembly for the node to embed.
//!
//! The wasm is what a network runs and what an upgrade carries, so it is built as
//! a network would get it: without `try-runtime`, and without the benchmarks
//! unless `PEER_WASM_BENCHMARKS=1` (scripts/update-weights.sh sets it), even
//! though the one workspace build (scripts/lib.sh) compiles both natively for the
//! tests. With the benchmarks the compressed wasm was 5.1 MB, within 96 KB of the
//! block's 5 MiB: an upgrade could hardly have carried it. Without them it is 741 KB.
fn main() {
	#[cfg(feature = "std")]
	{
		println!("cargo:rerun-if-env-changed=PEER_WASM_BENCHMARKS");
		// The wasm builder enables, in the wasm, the features it finds enabled
		// here (`CARGO_FEATURE_*`); it reads nothing else.
		std::env::remove_var("CARGO_FEATURE_TRY_RUNTIME");
		if std::env::var("PEER_WASM_BENCHMARKS").as_deref() != Ok("1") {
			std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
