//! `peer-indexer`: Peer's history. Follows a node's finalized blocks from
//! genesis (or from where it stopped), keeps every event with the account
//! that signed it in SQLite, and serves missions (finished ones included),
//! timelines, statements and council votes over a read-only HTTP API.
//!
//! ```sh
//! peer-indexer --rpc ws://127.0.0.1:9944 --db peer-history.sqlite --http 127.0.0.1:8090
//! ```

mod answers;
mod api;
mod chain;
mod decode;
mod documents;
mod extract;
mod store;

use clap::Parser;
use std::time::{Duration, Instant};
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
	/// Run the document store (`/documents` on the same API) with its index and,
	/// unless `--documents-s3-bucket` is given, its files in this folder.
	#[arg(long)]
	documents: Option<std::path::PathBuf>,
	/// Keep the documents' bytes in this S3 bucket instead (credentials and
	/// region from the environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
	/// AWS_REGION; see docs/OPERATORS.md).
	#[arg(long, requires = "documents")]
	documents_s3_bucket: Option<String>,
	/// An S3-compatible endpoint (MinIO, Ceph, a cloud's own) instead of AWS.
	#[arg(long, requires = "documents_s3_bucket")]
	documents_s3_endpoint: Option<String>,
}

#[tokio::main]
async fn main() {
	let cli = Cli::parse();
	if let Err(e) = run(cli).await {
		eprintln!("[indexer] error: {e}");
		std::process::exit(1);
	}
}

/// Connects to the node, trying for `patience` (the node may still be starting:
/// scripts/run.sh starts both), waiting 1 s, then twice as long each time, up
/// to 30 s between tries.
async fn connect(rpc: &str, patience: Duration) -> Result<chain::Chain, String> {
	let started = Instant::now();
	let mut wait = Duration::from_secs(1);
	loop {
		match chain::Chain::connect(rpc).await {
			Ok(chain) => return Ok(chain),
			Err(e) if started.elapsed() >= patience => return Err(e.to_string()),
			Err(e) => {
				eprintln!("[indexer] {e}; trying again in {} s", wait.as_secs());
				tokio::time::sleep(wait).await;
				wait = (wait * 2).min(Duration::from_secs(30));
			}
		}
	}
}

/// The document store, if asked for: its index and files under `--documents`,
/// or its bytes in S3; it asks the node at `--rpc` and the history at `--db`.
fn documents(cli: &Cli) -> Result<Option<std::sync::Arc<documents::Documents>>, String> {
	use object_store::ObjectStore;
	use std::sync::Arc;
	let Some(dir) = &cli.documents else { return Ok(None) };
	std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
	let blobs: Arc<dyn ObjectStore> = match &cli.documents_s3_bucket {
		Some(bucket) => {
			// TLS through rustls with ring (already in the build), not a second
			// crypto library.
			let _ = rustls::crypto::ring::default_provider().install_default();
			let mut s3 = object_store::aws::AmazonS3Builder::from_env().with_bucket_name(bucket);
			if let Some(endpoint) = &cli.documents_s3_endpoint {
				s3 = s3.with_endpoint(endpoint).with_allow_http(endpoint.starts_with("http://"));
			}
			Arc::new(s3.build().map_err(|e| format!("S3 bucket {bucket}: {e}"))?)
		}
		None => {
			let files = dir.join("files");
			std::fs::create_dir_all(&files).map_err(|e| format!("{}: {e}", files.display()))?;
			Arc::new(
				object_store::local::LocalFileSystem::new_with_prefix(&files)
					.map_err(|e| format!("{}: {e}", files.display()))?,
			)
		}
	};
	let facts = Arc::new(documents::facts::Live::new(cli.rpc.clone(), cli.db.clone()));
	let index = dir.join("documents.sqlite");
	let docs = Arc::new(documents::Documents::open(&index.to_string_lossy(), blobs, facts)?);
	eprintln!(
		"[documents] index {}, bytes in {}",
		index.display(),
		cli.documents_s3_bucket
			.as_ref()
			.map(|b| format!("S3 bucket {b}"))
			.unwrap_or_else(|| dir.join("files").display().to_string())
	);
	// Pending uploads are settled against the finalized head every 6 s.
	let settling = docs.clone();
	tokio::spawn(async move {
		loop {
			tokio::time::sleep(Duration::from_secs(6)).await;
			if let Err(e) = settling.settle_pending().await {
				eprintln!("[documents] settling pending uploads: {e}");
			}
		}
	});
	Ok(Some(docs))
}

async fn run(cli: Cli) -> Result<(), String> {
	let mut store: Box<dyn Store> = Box::new(store::Sqlite::open(&cli.db)?);
	if !cli.once {
		// The API reads the database on connections of its own (api::answer_from).
		let server = api::serve(cli.http, cli.db.clone(), documents(&cli)?);
		tokio::spawn(async move {
			if let Err(e) = server.await {
				eprintln!("[indexer] error: the API stopped: {e}");
				std::process::exit(1);
			}
		});
	}
	let mut chain = connect(&cli.rpc, Duration::from_secs(60)).await?;
	let genesis = chain.hash_of(0).await.map_err(|e| e.to_string())?;
	store::same_chain(store.as_ref(), &format!("{genesis:?}"), &cli.rpc)?;
	let cursor = store.cursor()?;
	eprintln!(
		"[indexer] {} from {}",
		cli.rpc,
		cursor.map_or("genesis".to_string(), |c| format!("block #{}", c + 1))
	);
	let mut next = cursor.map_or(0, |c| c + 1);
	let mut runtimes = chain::Runtimes::default();
	let started = Instant::now();
	let (mut blocks, mut events) = (0u64, 0u64);
	let mut last_report = Instant::now();
	let mut reported_caught_up = false;
	let target_at_start = chain.finalized().await.map_err(|e| e.to_string())?;
	loop {
		// A node that stops answering (restarted, the network between) is waited
		// for, with backoff, for as long as it takes; a pruned or undecodable
		// block, or another chain, stops the indexer (nothing retried helps).
		let finalized = match follow(&chain, &mut runtimes, store.as_mut(), &mut next, &cli, |n| {
			events += n;
			blocks += 1;
		})
		.await
		{
			Ok(finalized) => finalized,
			Err(chain::ChainError::Rpc(e)) => {
				eprintln!("[indexer] the node stopped answering ({e}); reconnecting");
				chain = connect(&cli.rpc, Duration::MAX).await?;
				let now = chain.hash_of(0).await.map_err(|e| e.to_string())?;
				store::same_chain(store.as_ref(), &format!("{now:?}"), &cli.rpc)?;
				continue;
			}
			Err(e) => return Err(e.to_string()),
		};
		// While catching up, every 5 s and when caught up; then every 5 s.
		let caught_up = next > finalized && blocks > 1 && !reported_caught_up;
		if last_report.elapsed() >= Duration::from_secs(5) || caught_up {
			reported_caught_up |= caught_up;
			let secs = started.elapsed().as_secs_f64().max(1e-3);
			eprintln!(
				"[indexer] #{} of finalized #{finalized} (lag {}): {:.1} blocks/s, {:.1} events/s",
				next - 1,
				(finalized + 1).saturating_sub(next),
				blocks as f64 / secs,
				events as f64 / secs,
			);
			last_report = Instant::now();
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
		if next > finalized {
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
}

/// How many blocks are fetched ahead of the one being written.
const FETCH_AHEAD: usize = 16;

/// Indexes up to 5 s' worth of finalized blocks from `next`; returns the
/// finalized height it saw. Blocks are fetched a few at once and decoded and
/// written in order. A store error (a spliced chain) is not an RPC error: it
/// ends the indexer.
async fn follow(
	chain: &chain::Chain,
	runtimes: &mut chain::Runtimes,
	store: &mut dyn Store,
	next: &mut u32,
	cli: &Cli,
	mut indexed: impl FnMut(u64),
) -> Result<u32, chain::ChainError> {
	use futures::StreamExt;
	let finalized = chain.finalized().await?;
	let began = Instant::now();
	let ahead = if cli.block_delay_ms > 0 { 1 } else { FETCH_AHEAD };
	let mut fetched =
		futures::stream::iter(*next..=finalized).map(|n| chain.fetch(n)).buffered(ahead);
	while began.elapsed() < Duration::from_secs(5) {
		let Some(raw) = fetched.next().await else { break };
		let block = runtimes.decode(chain, raw?).await?;
		store.write_block(&block).map_err(chain::ChainError::Store)?;
		indexed(block.events.len() as u64);
		*next += 1;
		if cli.block_delay_ms > 0 {
			tokio::time::sleep(Duration::from_millis(cli.block_delay_ms)).await;
		}
	}
	Ok(finalized)
}
