@echo off
rem signer agent at Windows log-on. Install: press Win+R, type shell:startup, and copy this file there
rem (edit the token driver and the e-office address first). javaw opens no console window: the person
rem confirms each signature in a dialog of the agent.
start "signer agent" javaw -jar "%ProgramFiles%\signer\signer-cli.jar" agent --pkcs11 "C:\Windows\System32\vgca-pkcs11.dll" --origin https://eoffice.example.gov.vn --confirm dialog
