//! Work on every core, results in input order: `scan` decodes the batches of a large file on
//! worker threads and prints their findings in the order the file holds them.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::Mutex;

/// Runs `work` on each job `produce` submits, on `workers` threads, and hands the results to
/// `done` in submission order. At most two jobs per worker are in flight (submitted and not yet
/// handed to `done`), so memory stays bounded however much `produce` has to give. The first
/// error, from `produce` or `done`, stops the run: no job is submitted after it.
pub fn map_ordered<J: Send, R: Send>(
    workers: usize,
    work: impl Fn(J) -> R + Sync,
    produce: impl FnOnce(&mut dyn FnMut(J) -> Result<(), String>) -> Result<(), String>,
    mut done: impl FnMut(R) -> Result<(), String>,
) -> Result<(), String> {
    if workers <= 1 {
        return produce(&mut |job| done(work(job)));
    }
    let limit = 2 * workers;
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, J)>(limit);
    let (result_tx, result_rx) = mpsc::channel::<(usize, R)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (job_rx, result_tx, work) = (&job_rx, result_tx.clone(), &work);
            scope.spawn(move || loop {
                // The lock is held only to take a job, never while working on one.
                let next = job_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((sequence, job)) = next else { return };
                if result_tx.send((sequence, work(job))).is_err() {
                    return;
                }
            });
        }
        drop(result_tx);

        let mut pending = BTreeMap::new();
        let (mut submitted, mut handed) = (0usize, 0usize);
        // Waits for results until fewer than `keep` jobs are in flight, handing on in order.
        let mut drain = |submitted: usize, keep: usize, handed: &mut usize| -> Result<(), String> {
            while submitted - *handed > keep {
                while let Some(result) = pending.remove(&*handed) {
                    done(result)?;
                    *handed += 1;
                }
                if submitted - *handed <= keep {
                    break;
                }
                let (sequence, result) = result_rx.recv().map_err(|_| "a worker stopped".to_owned())?;
                pending.insert(sequence, result);
            }
            Ok(())
        };
        let produced = produce(&mut |job| {
            drain(submitted, limit - 1, &mut handed)?;
            job_tx.send((submitted, job)).map_err(|_| "the workers stopped".to_owned())?;
            submitted += 1;
            Ok(())
        });
        drop(job_tx);
        produced?;
        drain(submitted, 0, &mut handed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(workers: usize, jobs: usize) -> Vec<usize> {
        let mut seen = Vec::new();
        map_ordered(
            workers,
            |n: usize| {
                // Later jobs finish first, so order must come from the sequence numbers.
                std::thread::sleep(std::time::Duration::from_micros(((jobs - n) % 7) as u64 * 50));
                n * 10
            },
            |submit| (0..jobs).try_for_each(submit),
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        seen
    }

    #[test]
    fn results_come_in_submission_order_with_any_number_of_workers() {
        for workers in [1, 2, 3, 8] {
            assert_eq!(run(workers, 100), (0..100).map(|n| n * 10).collect::<Vec<_>>(), "{workers}");
        }
        assert!(run(4, 0).is_empty());
    }

    #[test]
    fn the_first_error_stops_the_run() {
        let mut handed = 0;
        let result = map_ordered(
            2,
            |n: usize| n,
            |submit| (0..1000).try_for_each(submit),
            |n| {
                handed += 1;
                if n == 10 {
                    Err("stop at 10".to_owned())
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("stop at 10".to_owned()));
        assert_eq!(handed, 11);
        let failed =
            map_ordered(2, |n: usize| n, |submit| submit(1).and(Err("bad input".to_owned())), |_| Ok(()));
        assert_eq!(failed, Err("bad input".to_owned()));
    }
}
