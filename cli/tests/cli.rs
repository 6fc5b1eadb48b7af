//! The `byline` command as users run it: records, errors, exit statuses, threads, pipes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn byline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_byline"));
    c.arg("extract").arg("--quiet");
    c
}

/// Runs the command with `stdin` as standard input.
fn run(mut cmd: Command, stdin: &[u8]) -> Output {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the byline binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("byline-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

#[test]
fn good_records_give_one_line_each_in_order() {
    let input: String = (0..20)
        .map(|i| record(&format!("d{i}"), &format!("Rain fell on Homs on day {i}.")) + "\n")
        .collect();
    let out = run(
        {
            let mut c = byline();
            c.arg("--jsonl");
            c
        },
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..20).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn a_bad_record_gives_one_error_line_and_the_rest_still_run() {
    let input = [
        record("a", "Rain fell on Homs."),
        r#"{"id": "b", "text": "unterminated"#.to_string(),
        r#"{"id": "c"}"#.to_string(),
        r#"{"id": "d", "text": "\ud800 lone surrogate"}"#.to_string(),
        "not json at all".to_string(),
        record("e", "The road was closed."),
    ]
    .join("\n")
        + "\n";
    let mut bytes = input.into_bytes();
    // A line with invalid UTF-8 bytes inside the text.
    bytes.extend_from_slice(b"{\"id\": \"f\", \"text\": \"bad \xff\xfe bytes\"}\n");
    bytes.extend_from_slice(record("g", "Officials said so.").as_bytes());
    bytes.push(b'\n');
    let mut c = byline();
    c.arg("--jsonl");
    let out = run(c, &bytes);
    assert_eq!(out.status.code(), Some(1), "some records failed");
    let got = lines(&out);
    assert_eq!(got.len(), 8, "one line per input record");
    let ids: Vec<Option<&str>> = got.iter().map(|v| v["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            Some("a"),
            Some("b"),
            Some("c"),
            Some("d"),
            None,
            Some("e"),
            Some("f"),
            Some("g")
        ]
    );
    for (i, v) in got.iter().enumerate() {
        let failed = [1, 2, 3, 4, 6].contains(&i);
        assert_eq!(v.get("error").is_some(), failed, "line {i}: {v}");
        if failed {
            assert!(!v["error"].as_str().unwrap().is_empty());
        } else {
            assert_eq!(v["schema_version"], "1");
        }
    }
    assert!(got[2]["error"].as_str().unwrap().contains("\"text\""));
    assert!(got[6]["error"].as_str().unwrap().contains("UTF-8"));
    // stderr names the origin (stdin and line) of each failure, one line each.
    let err = stderr(&out);
    for line in [2, 3, 4, 5, 7] {
        assert!(err.contains(&format!("<stdin>:{line}:")), "stderr: {err}");
    }
    assert_eq!(err.lines().count(), 5, "stderr: {err}");
}

#[test]
fn threads_keep_lines_whole_and_in_order() {
    // Records of very different sizes so workers finish out of order.
    let mut input = String::new();
    for i in 0..300 {
        let body = if i % 7 == 0 {
            "Officials said at least 57 people were killed in Aleppo. ".repeat(200)
        } else {
            format!("Short note {i}.")
        };
        if i % 50 == 13 {
            input.push_str("{broken\n");
        } else {
            input.push_str(&record(&format!("r{i}"), &body));
            input.push('\n');
        }
    }
    let mut c = byline();
    c.args(["--jsonl", "--threads", "2"]);
    let out = run(c, input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out); // every line parses: nothing interleaved or cut
    assert_eq!(got.len(), 300);
    for (i, v) in got.iter().enumerate() {
        if i % 50 == 13 {
            assert!(v.get("error").is_some());
        } else {
            assert_eq!(v["id"].as_str(), Some(format!("r{i}").as_str()));
        }
    }
    // Same output as one thread, byte for byte.
    let mut c = byline();
    c.args(["--jsonl", "--threads", "1"]);
    let single = run(c, input.as_bytes());
    assert_eq!(single.stdout, out.stdout);
}

#[test]
fn exit_status_zero_one_two() {
    let mut c = byline();
    c.arg("--jsonl");
    assert_eq!(run(c, record("a", "x").as_bytes()).status.code(), Some(0));
    let mut c = byline();
    c.arg("--jsonl");
    assert_eq!(run(c, b"{}\n").status.code(), Some(1));
    // Usage errors.
    let mut c = byline();
    c.arg("--no-such-flag");
    assert_eq!(run(c, b"").status.code(), Some(2));
    let mut c = byline();
    c.args(["--disable", "nonsense"]);
    let out = run(c, b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nonsense"));
    // Setup errors: a gazetteer that cannot be read.
    let mut c = byline();
    c.args(["--gazetteer", "/nonexistent/list.tsv"]);
    let out = run(c, b"text");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/list.tsv"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_binary_gazetteer_is_a_setup_error_naming_the_file() {
    let dir = temp_dir("gaz");
    let path = dir.join("blob.tsv");
    std::fs::write(&path, [0u8, 159, 146, 150, 255, 0, 1, 2, 10, 200, 201]).unwrap();
    let mut c = byline();
    c.arg("--gazetteer").arg(&path);
    let out = run(c, b"Rain fell.");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("blob.tsv"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn closed_stdout_exits_cleanly_without_a_panic() {
    // Many records, stdout closed after the first line (like `| head -1`).
    let input: String = (0..3000)
        .map(|i| {
            record(
                &format!("d{i}"),
                "Officials said the road was closed on Monday.",
            ) + "\n"
        })
        .collect();
    for threads in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["extract", "--quiet", "--jsonl", "--threads", threads])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let data = input.clone();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(data.as_bytes());
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout); // the reader goes away
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "threads {threads}: {err}");
        assert!(!err.contains("Broken pipe"), "threads {threads}: {err}");
        assert_eq!(out.status.code(), Some(0), "threads {threads}: {err}");
    }
}

#[test]
fn closed_stdout_through_a_shell_pipe_into_head() {
    let dir = temp_dir("head");
    let file = dir.join("in.jsonl");
    let input: String = (0..2000)
        .map(|i| record(&format!("d{i}"), "Rain fell on Homs.") + "\n")
        .collect();
    std::fs::write(&file, input).unwrap();
    let bin = env!("CARGO_BIN_EXE_byline");
    let script = format!(
        "set -o pipefail; '{bin}' extract --quiet --jsonl '{}' | head -1 >/dev/null; echo \"status=${{PIPESTATUS[0]}}\"",
        file.display()
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    let so = String::from_utf8_lossy(&out.stdout);
    let err = stderr(&out);
    assert!(so.contains("status=0"), "{so} {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn unreadable_and_invalid_utf8_files_are_named_and_the_others_still_run() {
    let dir = temp_dir("files");
    let good1 = write(&dir, "good1.txt", b"Rain fell on Homs.");
    let bad = write(&dir, "latin1.txt", b"Caf\xe9 in M\xfcnchen.");
    let missing = dir.join("missing.txt");
    let subdir = dir.join("a-directory");
    std::fs::create_dir_all(&subdir).unwrap();
    let good2 = write(&dir, "good2.txt", b"The road was closed.");
    let mut c = byline();
    c.args(["--format", "jsonl"])
        .arg(&good1)
        .arg(&bad)
        .arg(&missing)
        .arg(&subdir)
        .arg(&good2);
    let out = run(c, b"");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 5, "one line per file");
    assert!(got[0].get("error").is_none());
    assert!(got[1]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(got[2].get("error").is_some());
    assert!(got[3].get("error").is_some());
    assert!(got[4].get("error").is_none());
    assert_eq!(got[4]["id"].as_str(), Some(good2.to_str().unwrap()));
    let err = stderr(&out);
    for name in ["latin1.txt", "missing.txt", "a-directory"] {
        assert!(err.contains(name), "stderr names {name}: {err}");
    }
    // The same in JSONL mode: a directory or missing file among JSONL inputs.
    let jl = write(&dir, "in.jsonl", (record("x", "Rain.") + "\n").as_bytes());
    let mut c = byline();
    c.arg("--jsonl").arg(&subdir).arg(&missing).arg(&jl);
    let out = run(c, b"");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.last().unwrap()["id"], "x", "{}", stderr(&out));
    assert!(got.last().unwrap().get("error").is_none());
}

#[test]
fn max_bytes_refuses_large_documents_with_a_clear_error() {
    let input = [
        record("small", "Rain fell."),
        record("large", &"Rain fell on Homs. ".repeat(100)),
        record("small2", "The road was closed."),
    ]
    .join("\n");
    let mut c = byline();
    c.args(["--jsonl", "--max-bytes", "200"]);
    let out = run(c, input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 3);
    assert!(got[0].get("error").is_none());
    assert_eq!(got[1]["id"], "large");
    let msg = got[1]["error"].as_str().unwrap();
    assert!(msg.contains("200"), "{msg}");
    assert!(got[2].get("error").is_none());
    // A line so long it cannot hold a document within the limit is refused unread.
    let huge = record("huge", &"x".repeat(10_000));
    let mut c = byline();
    c.args(["--jsonl", "--max-bytes", "100"]);
    let out = run(c, format!("{huge}\n{}\n", record("after", "ok")).as_bytes());
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["id"], "huge");
    assert!(got[0]["error"].as_str().unwrap().contains("bytes"));
    assert_eq!(got[1]["id"], "after");
    // A whole file over the limit.
    let dir = temp_dir("max");
    let big = write(&dir, "big.txt", "Rain fell. ".repeat(1000).as_bytes());
    let mut c = byline();
    c.args(["--format", "jsonl", "--max-bytes", "1000"])
        .arg(&big);
    let out = run(c, b"");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert!(
        got[0]["error"].as_str().unwrap().contains("11000 bytes"),
        "{:?}",
        got[0]
    );
    assert!(stderr(&out).contains("big.txt"));
}

#[test]
fn whole_input_edge_cases() {
    // Empty stdin, a BOM, CRLF, NUL bytes: all succeed with one document.
    for input in [
        &b""[..],
        b"\xef\xbb\xbfRain fell.",
        b"Rain.\r\nFell.\r\n",
        b"a\0b\0",
    ] {
        let mut c = byline();
        c.args(["--format", "jsonl"]);
        let out = run(c, input);
        assert_eq!(out.status.code(), Some(0), "{input:?}: {}", stderr(&out));
        assert_eq!(lines(&out).len(), 1);
    }
    // The text format too.
    let mut c = byline();
    c.args(["--format", "text"]);
    let out = run(
        c,
        "\u{201c}We will rebuild,\u{201d} Mayor Anna Berg said.".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
