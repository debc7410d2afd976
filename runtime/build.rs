//! Builds the runtime to WebAssembly for the node to embed.
fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
