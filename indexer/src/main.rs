//! `peer-indexer`: Peer's history. Follows a node's finalized blocks from
//! genesis (or from where it stopped), keeps every event with the account
//! that signed it in SQLite, and serves missions (finished ones included),
//! timelines, statements and council votes over a read-only HTTP API.
//!
//! ```sh
//! peer-indexer --rpc ws://127.0.0.1:9944 --db peer-history.sqlite --http 127.0.0.1:8090
//! ```

mod api;
mod chain;
mod extract;
mod store;

use clap::Parser;
use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use store::Store;

#[derive(Parser, Debug)]
#[command(
	version,
	about = "Follows a Peer node's finalized blocks and serves their history over HTTP."
)]
struct Cli {
	/// The node's WebSocket RPC. It must keep the state of every block not yet
	/// indexed: run it with `--state-pruning archive-canonical`.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	rpc: String,
	/// The SQLite database file (created if missing).
	#[arg(long, default_value = "peer-history.sqlite")]
	db: String,
	/// Where the HTTP API listens.
	#[arg(long, default_value = "127.0.0.1:8090")]
	http: std::net::SocketAddr,
	/// Stop once the finalized head at start is indexed (for benchmarks).
	#[arg(long)]
	once: bool,
	/// Wait this long after each block while catching up: spares a node that
	/// also serves members (and lets tests stop the indexer mid-way).
	#[arg(long, default_value_t = 0)]
	block_delay_ms: u64,
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	if let Err(e) = run(cli).await {
		eprintln!("[indexer] error: {e}");
		std::process::exit(1);
	}
}

async fn run(cli: Cli) -> Result<(), String> {
	let store: Box<dyn Store> = Box::new(store::Sqlite::open(&cli.db)?);
	let store: api::Shared = Arc::new(Mutex::new(store));
	if !cli.once {
		let server = api::serve(cli.http, store.clone());
		tokio::spawn(async move {
			if let Err(e) = server.await {
				eprintln!("[indexer] error: the API stopped: {e}");
				std::process::exit(1);
			}
		});
	}
	// The node may still be starting (scripts/run.sh starts both): try for a minute.
	let mut tries = 0;
	let chain = loop {
		match chain::Chain::connect(&cli.rpc).await {
			Ok(chain) => break chain,
			Err(e) if tries >= 60 => return Err(e.to_string()),
			Err(_) => {
				tries += 1;
				tokio::time::sleep(Duration::from_secs(1)).await;
			}
		}
	};
	let genesis = chain.hash_of(0).await.map_err(|e| e.to_string())?;
	store::same_chain(
		store.lock().map_err(|_| "store poisoned")?.as_ref(),
		&format!("{genesis:?}"),
		&cli.rpc,
	)?;
	let cursor = store.lock().map_err(|_| "store poisoned")?.cursor()?;
	eprintln!(
		"[indexer] {} from {}",
		cli.rpc,
		cursor.map_or("genesis".to_string(), |c| format!("block #{}", c + 1))
	);
	let mut next = cursor.map_or(0, |c| c + 1);
	let started = Instant::now();
	let (mut blocks, mut events) = (0u64, 0u64);
	let mut last_report = Instant::now();
	let mut reported_caught_up = false;
	let target_at_start = chain.finalized().await.map_err(|e| e.to_string())?;
	loop {
		let finalized = chain.finalized().await.map_err(|e| e.to_string())?;
		while next <= finalized {
			let block = chain.block(next).await.map_err(|e| e.to_string())?;
			events += block.events.len() as u64;
			store.lock().map_err(|_| "store poisoned")?.write_block(&block)?;
			blocks += 1;
			next += 1;
			if cli.block_delay_ms > 0 {
				tokio::time::sleep(Duration::from_millis(cli.block_delay_ms)).await;
			}
			// While catching up, every 5 s and when caught up; then every 5 s.
			let caught_up = next > finalized && blocks > 1 && !reported_caught_up;
			if last_report.elapsed() >= Duration::from_secs(5) || caught_up {
				reported_caught_up |= caught_up;
				let secs = started.elapsed().as_secs_f64().max(1e-3);
				eprintln!(
					"[indexer] #{} of finalized #{finalized} (lag {}): {:.1} blocks/s, {:.1} events/s",
					next - 1,
					finalized + 1 - next,
					blocks as f64 / secs,
					events as f64 / secs,
				);
				last_report = Instant::now();
			}
		}
		if cli.once && next > target_at_start {
			let secs = started.elapsed().as_secs_f64().max(1e-3);
			println!(
				"indexed {blocks} blocks, {events} events in {secs:.1} s: {:.1} blocks/s, {:.1} events/s",
				blocks as f64 / secs,
				events as f64 / secs
			);
			return Ok(());
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}
