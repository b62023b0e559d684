"""Every command has real help text and is documented in the README (the Datasette way)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from janji.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    summary = cli.commands[command].get_short_help_str()
    assert len(summary) > 20, f"janji {command} needs a real help text"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented_in_readme(command):
    assert f"`janji {command}" in README, f"README does not document janji {command}"


def test_expected_commands_exist():
    assert {"add", "process", "extract", "serve", "export", "demo"} <= set(COMMANDS)
