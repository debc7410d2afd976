//! `peer-node`: the Peer consortium node.

#![warn(missing_docs)]
// `sc_cli::Error` and `sc_service::Error`, which the node's commands and service
// return as Substrate's own do, are larger than clippy likes an error to be.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
