"""Write a student edition of the kit: the repository without what students should not see.

Students who open the lessons on Binder or pull them with nbgitpuller can read every file of the
repository they come from, answer keys included. Publish this copy as the repository students use:

    python tools/student_edition.py ../kit-students          # or: make student-edition DEST=../kit-students
    cd ../kit-students && git remote add origin <your students' repository> && git push -u origin main

It copies the files git tracks (so no .venv, no saved student work), leaves out the folders below,
removes the README's pointer to them, and (with git available) makes the copy a repository with one
commit. It never writes into a folder that already has files in it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# teachers/: answer keys and lesson plans; tests/: they state every answer; the rest is for developers
LEFT_OUT = ("teachers/", "tests/", "benchmarks/", "tools/", ".ci/")
README_NOTE = ("This is the student edition of the media-literacy kit: the teacher's guide, answer keys and "
               "the developers' tests are in the full repository your teacher has.")


def tracked_files(root: Path = ROOT) -> list[str]:
    """The repository's tracked files (relative paths), or every file when git is unavailable."""
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True)
        return [p for p in out.stdout.decode("utf-8").split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        return [str(p.relative_to(root)) for p in root.rglob("*")
                if p.is_file() and ".git" not in p.parts and ".venv" not in p.parts]


def student_files(files: list[str]) -> list[str]:
    return [f for f in files if not f.startswith(LEFT_OUT)]


def _student_readme(text: str) -> str:
    """The README without its teacher pointer and developer test section, with a note on top."""
    dev_only = ("teachers/", "make test", "tests/", ".ci/run", "benchmarks/")
    kept = [par for par in text.split("\n\n") if not any(d in par for d in dev_only)]
    title, *rest = kept
    return "\n\n".join([title, README_NOTE, *rest])


def write_edition(dest: Path, root: Path = ROOT, git: bool = True) -> list[str]:
    """Copy the student files to `dest` (a new or empty folder); return the relative paths written."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise SystemExit(f"student-edition: {dest} already exists and is not an empty folder; choose a new one")
    files = student_files(tracked_files(root))
    for rel in files:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, target)
    readme = dest / "README.md"
    if readme.exists():
        readme.write_text(_student_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    if git and shutil.which("git"):
        run = lambda *a: subprocess.run(["git", "-C", str(dest), *a], check=True, capture_output=True)  # noqa: E731
        run("init", "-q", "-b", "main")
        run("add", "-A")
        run("-c", "user.name=kit", "-c", "user.email=kit@localhost", "commit", "-q", "-m", "Student edition")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="a new folder for the student edition")
    parser.add_argument("--no-git", action="store_true", help="do not make the copy a git repository")
    args = parser.parse_args(argv)
    files = write_edition(args.dest, git=not args.no_git)
    print(f"wrote the student edition ({len(files)} files) to {args.dest}; left out: {', '.join(LEFT_OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
