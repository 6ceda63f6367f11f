; Netzwerkmappe as a setup.exe for Windows 10/11 (x64), built on Linux by Debian's makensis:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> netzwerkmappe.nsi
; (packaging/build-installers.sh does that). German throughout.
;
; Install context, chosen on the command line (docs/Installation.md):
;   setup.exe /S               silent; for all users if run with admin rights, else for the user
;   setup.exe /S /ALLUSERS     for all users: %ProgramFiles%\Netzwerkmappe (needs admin rights)
;   setup.exe /S /CURRENTUSER  for the current user: %LOCALAPPDATA%\Programs\Netzwerkmappe
;   setup.exe /S /D=C:\Pfad    another folder (must be the last argument, NSIS rule)
;   /WEBVIEW2_IGNORIEREN       install even though the WebView2 Runtime is missing
; Without a switch, an existing installation is updated where it is (same context, same folder).
; Exit codes: 0 done, 1 cancelled, 2 aborted, 3 WebView2 Runtime missing, 4 /ALLUSERS without
; admin rights.
;
; The user's data (%APPDATA%\de.netzwerk-integration-bw.netzwerkmappe) is created by the app, not
; by this installer; neither the uninstaller nor an update touches it.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel highest

!ifndef VERSION
  !error "VERSION fehlt: makensis -DVERSION=0.1.0 …"
!endif
!ifndef STAGE
  !error "STAGE fehlt: der Ordner mit netzwerkmappe.exe, WebView2Loader.dll, icon.ico, LIZENZ.txt"
!endif
!ifndef OUTFILE
  !define OUTFILE "Netzwerkmappe-${VERSION}-setup.exe"
!endif

; With a certificate (NWM_SIGN_PFX, packaging/sign.sh) the uninstaller that the installer writes is
; signed too, while makensis builds it.
!ifdef SIGN_CMD
  !uninstfinalize '${SIGN_CMD} "%1"' = 0
!endif

!define PRODUCT "Netzwerkmappe"
!define PUBLISHER "Netzwerk Integration Baden-Württemberg"
!define APPID "de.netzwerk-integration-bw.netzwerkmappe"
!define EXE "netzwerkmappe.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
; The Evergreen WebView2 Runtime's client key (its "pv" value is the installed version).
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh
!include "shortcut-aumid.nsh"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"
; Set in .onInit from the install context; /D= on the command line wins.
InstallDir ""

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1031 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1031 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1031 "FileDescription" "${PRODUCT} ${VERSION} – Installation"
VIAddVersionKey /LANG=1031 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1031 "LegalCopyright" "EUPL-1.2"

!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Dieser Assistent installiert die ${PRODUCT} ${VERSION}.$\r$\n$\r$\nIhre Daten (Kontakte, Sitzungen, Protokolle) liegen in Ihrem persönlichen Anwendungsdatenordner und bleiben bei Aktualisierung und Deinstallation erhalten.$\r$\n$\r$\nKlicken Sie auf Weiter, um fortzufahren."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "German"

Var AllUsers ; "1" = for all users (HKLM, Program Files), "0" = for the current user

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${PRODUCT} läuft nur auf 64-Bit-Windows (x64)." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64

  ${GetParameters} $R9
  UserInfo::GetAccountType
  Pop $R8

  ; Where is it installed already? An update stays in its context and folder.
  ReadRegStr $R7 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $R6 HKCU "${UNINSTALL_KEY}" "InstallLocation"

  ClearErrors
  ${GetOptions} $R9 "/ALLUSERS" $0
  ${IfNot} ${Errors}
    StrCpy $AllUsers "1"
  ${Else}
    ClearErrors
    ${GetOptions} $R9 "/CURRENTUSER" $0
    ${IfNot} ${Errors}
      StrCpy $AllUsers "0"
    ${ElseIf} $R7 != ""
      StrCpy $AllUsers "1"
    ${ElseIf} $R6 != ""
      StrCpy $AllUsers "0"
    ${ElseIf} $R8 == "Admin"
      StrCpy $AllUsers "1"
    ${Else}
      StrCpy $AllUsers "0"
    ${EndIf}
  ${EndIf}

  ${If} $AllUsers == "1"
  ${AndIf} $R8 != "Admin"
    MessageBox MB_ICONSTOP "Für die Installation für alle Benutzer (/ALLUSERS) sind Administratorrechte nötig. Bitte als Administrator starten oder mit /CURRENTUSER nur für Sie installieren." /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}

  ${If} $AllUsers == "1"
    SetShellVarContext all
    ${If} $INSTDIR == ""
      ${If} $R7 != ""
        StrCpy $INSTDIR $R7
      ${Else}
        StrCpy $INSTDIR "$PROGRAMFILES64\${PRODUCT}"
      ${EndIf}
    ${EndIf}
  ${Else}
    SetShellVarContext current
    ${If} $INSTDIR == ""
      ${If} $R6 != ""
        StrCpy $INSTDIR $R6
      ${Else}
        StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${PRODUCT}"
      ${EndIf}
    ${EndIf}
  ${EndIf}

  ; WebView2: the window needs the Evergreen Runtime (part of Windows 11 and current Windows 10).
  ; Per machine it is registered in the 32-bit view (WOW6432Node), per user under HKCU.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  ReadRegStr $1 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  ${If} $1 == "0.0.0.0"
    StrCpy $1 ""
  ${EndIf}
  ${If} $0 == ""
  ${AndIf} $1 == ""
    ClearErrors
    ${GetOptions} $R9 "/WEBVIEW2_IGNORIEREN" $2
    ${If} ${Errors}
      MessageBox MB_ICONEXCLAMATION|MB_YESNO|MB_DEFBUTTON2 "${PRODUCT} braucht die „Microsoft Edge WebView2 Runtime“ (Evergreen), die auf diesem PC fehlt. Ohne sie öffnet sich das Programmfenster nicht.$\r$\n$\r$\nBitte lassen Sie von Ihrer IT zuerst die WebView2 Runtime von Microsoft (Evergreen, x64) installieren.$\r$\n$\r$\nTrotzdem jetzt installieren?" /SD IDNO IDYES webview2_done
      SetErrorLevel 3
      Quit
    ${EndIf}
  ${EndIf}
  webview2_done:
FunctionEnd

Section "Netzwerkmappe" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "${STAGE}\${EXE}"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\LIZENZ.txt"
  File "${STAGE}\SCHRIFTEN-LIZENZ.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  StrCpy $R0 "$SMPROGRAMS\${PRODUCT}.lnk"
  StrCpy $R1 "$INSTDIR\${EXE}"
  StrCpy $R2 "${APPID}"
  StrCpy $R3 "Kontakte, Sitzungen, Protokolle und Konzeptpapiere"
  Call CreateShortcutWithAppId

  ; "Apps & Features": name, version, publisher, icon, size, silent uninstall.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Comments" "Kontakte, Sitzungen, Protokolle und Konzeptpapiere des Netzwerks Integration Baden-Württemberg"
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  SetRegView 64
  ; Installed for all users if the machine-wide entry points at this folder.
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    UserInfo::GetAccountType
    Pop $1
    ${If} $1 != "Admin"
      MessageBox MB_ICONSTOP "${PRODUCT} ist für alle Benutzer installiert; zum Deinstallieren sind Administratorrechte nötig." /SD IDOK
      SetErrorLevel 4
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer wrote. The data folder in %APPDATA% stays.
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\LIZENZ.txt"
  Delete "$INSTDIR\SCHRIFTEN-LIZENZ.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd
