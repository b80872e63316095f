package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const hostileArticle = "Trams return to Orbury\n\n" +
	"The tram line in Orbury reopened on Monday after being shut for three weeks of track repairs.\n\n" +
	"\"We thank passengers for their patience,\" deputy mayor Alun Prys said.\n"

// runSlant runs slant with args and returns its exit status, stdout and
// stderr.
func runSlant(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	status := run(args, strings.NewReader(""), &stdout, &stderr)
	return status, stdout.String(), stderr.String()
}

// TestRunURLFailures checks that every way a URL can fail is bad input:
// exit status 2, one line on stderr naming the URL and the reason, nothing
// on stdout and no output file.
func TestRunURLFailures(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("\xff\xd8\xff\xe0"))
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		line := []byte(strings.Repeat("The tram line reopened. ", 100))
		for {
			if _, err := w.Write(line); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("tram\x00line"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tlsSrv := httptest.NewUnstartedServer(mux)
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	closed := httptest.NewServer(mux)
	closedURL := closed.URL
	closed.Close()

	dir := t.TempDir()
	article := filepath.Join(dir, "ledger.txt")
	if err := os.WriteFile(article, []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, url, want string
		args            []string
	}{
		{"not found", srv.URL + "/missing", "fetch failed: HTTP 404 Not Found", nil},
		{"redirect loop", srv.URL + "/loop", "stopped after 5 redirects", nil},
		{"wrong content type", srv.URL + "/image", `not an article: content type "image/jpeg"`, nil},
		{"endless body", srv.URL + "/endless", "larger than the limit of 64 KiB", []string{"--max-bytes", "65536"}},
		{"binary body", srv.URL + "/binary", "binary data (NUL bytes), not text", nil},
		{"untrusted certificate", tlsSrv.URL + "/story", "certificate", nil},
		{"nobody listening", closedURL + "/story", "connection refused", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".json")
			args := append([]string{"compare", "--format", "json", "-o", out}, tc.args...)
			start := time.Now()
			status, stdout, stderr := runSlant(append(args, tc.url, article)...)
			if elapsed := time.Since(start); elapsed > 10*time.Second {
				t.Errorf("slant took %v", elapsed)
			}
			if status != exitBadUse || stdout != "" {
				t.Errorf("exit status %d, stdout %q; want 2 and nothing", status, stdout)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "slant: "+tc.url+": ") || !strings.Contains(lines[0], tc.want) {
				t.Errorf("stderr %q, want one line naming %s and saying %q", stderr, tc.url, tc.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed run left %s behind", out)
			}
		})
	}
}

// snapshot records every file and folder under dir: its kind, permissions,
// modification time and content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(path)
		if err != nil {
			return err
		}
		rec := info.Mode().String() + " " + info.ModTime().Format(time.RFC3339Nano)
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rec += fmt.Sprintf(" %x", sha256.Sum256(data))
		}
		out[path] = rec
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNeverWritesInputs runs every command that reads articles, manifests
// and lexicons, and checks that the folder of inputs is exactly as it was:
// no file changed, touched, added or removed, even when -o names an input.
func TestNeverWritesInputs(t *testing.T) {
	in := t.TempDir()
	out := t.TempDir()
	files := map[string]string{
		"event/event.yaml": "title: Orbury tram line reopens\ndate: 2026-06-01\narticles:\n  - file: ledger.txt\n  - file: wire.md\n",
		"event/ledger.txt": hostileArticle,
		"event/wire.md":    "# Orbury trams back\n\nOrbury's tram line reopened on Monday after a three-week closure for track repairs.\n",
		"desk.yaml": "name: desk\ncategories:\n  - id: desk-verbs\n    label: Desk verbs\n    note: Verbs the desk watches.\n" +
			"    entries:\n      - {term: reopened, tone: neutral}\n",
	}
	for name, content := range files {
		path := filepath.Join(in, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Modification times in the past, so that a rewrite with the same
	// bytes would show.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
		return os.Chtimes(path, old, old)
	})
	before := snapshot(t, in)
	event := filepath.Join(in, "event")
	ledger := filepath.Join(event, "ledger.txt")
	lex := filepath.Join(in, "desk.yaml")
	commands := []struct {
		args   []string
		status int
	}{
		{[]string{"compare", event}, exitOK},
		{[]string{"compare", "--format", "json", "-o", filepath.Join(out, "r.json"), "--lexicon", lex, event}, exitOK},
		{[]string{"compare", "--blind", "--key", filepath.Join(out, "key.md"), "-o", filepath.Join(out, "r.txt"), event}, exitOK},
		{[]string{"compare", "-o", ledger, event, ledger}, exitBadUse},
		{[]string{"compare", "--key", ledger, "--blind", ledger, filepath.Join(event, "wire.md")}, exitBadUse},
		{[]string{"quotes", "--format", "json", "-o", filepath.Join(out, "q.json"), event}, exitOK},
		{[]string{"quotes", "-o", lex, ledger, lex}, exitBadUse},
		{[]string{"compare", "-o", ledger, event}, exitBadUse},
		{[]string{"compare", "-o", filepath.Join(event, "event.yaml"), event}, exitBadUse},
		{[]string{"compare", "--lexicon", lex, "-o", lex, event}, exitBadUse},
		{[]string{"compare", "--blind", "--lexicon", lex, "--key", lex, "-o", filepath.Join(out, "r2.txt"), event}, exitBadUse},
		{[]string{"worksheet", "--lexicon", lex, "-o", lex, event}, exitBadUse},
		{[]string{"worksheet", "--lexicon", lex, "--key", lex, "-o", filepath.Join(out, "w.md"), event}, exitBadUse},
		{[]string{"batch", "--lexicon", lex, "-o", lex, in}, exitBadUse},
		{[]string{"batch", "-o", ledger, in}, exitBadUse},
		{[]string{"lexicon", "lint", lex}, exitOK},
		{[]string{"lexicon", "test", lex}, exitOK},
		{[]string{"lexicon", "show", lex}, exitOK},
	}
	for _, c := range commands {
		status, _, stderr := runSlant(c.args...)
		if status != c.status {
			t.Errorf("slant %s: exit status %d, want %d (stderr %q)", strings.Join(c.args, " "), status, c.status, stderr)
		}
	}
	after := snapshot(t, in)
	for path, rec := range before {
		if after[path] != rec {
			t.Errorf("%s changed", path)
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			t.Errorf("%s appeared among the inputs", path)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("output folder holds %q, want r.json, key.md, r.txt and q.json", names)
	}
}
